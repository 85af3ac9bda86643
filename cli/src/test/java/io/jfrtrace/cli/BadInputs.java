package io.jfrtrace.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes the bad inputs of {@link BadAnalyzerInputTest} from good recordings: truncations, bit flips (seeded),
 * foreign files. Each input says what a command must answer: see {@link Expect}.
 */
final class BadInputs {
    /** Truncation points per recording. */
    static final int TRUNCATIONS = 20;
    /** Flipped string encodings and flipped random bits per recording. */
    static final int STRING_FLIPS = 4;
    static final int RANDOM_FLIPS = 4;
    /** A JFR chunk header: magic, version, size, constant pool and metadata offsets, times, features. */
    static final int CHUNK_HEADER = 68;

    /** What a command must answer for an input. */
    enum Expect {
        /** Exit 3: the file is missing, not a recording, cut off or corrupt. */
        BAD_INPUT,
        /** Exit 3 and the line names the byte where the chunk or the problem is. */
        CORRUPT_AT_BYTE,
        /** Well-formed: exit 0 or 4 as the JDK's own parser finds the command's events ({@link RecordingContents}). */
        AS_ITS_CONTENTS,
        /**
         * A flipped bit in event data that no format rule catches may change a number or a name and read fine:
         * exit 0, or 3 (one line naming the byte), or 4 if the flip hid the command's events.
         */
        READABLE_OR_CORRUPT,
        /**
         * A bit flipped in a .pstats file (no checksum either): {@code stats} may read a changed number (exit 0) or
         * fail with exit 3; the other commands take it for what it is, not a recording (exit 3).
         */
        PSTATS_READABLE_OR_BAD
    }

    record Input(String name, Path file, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BadInputs() {
    }

    /** Cuts at {@link #TRUNCATIONS} distinct offsets: the header's edges, every chunk boundary, then evenly spread. */
    static List<Input> truncations(Path good, Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        List<Long> boundaries = chunkEnds(bytes);
        TreeSet<Long> cuts = new TreeSet<>(List.of(0L, 1L, 3L, 4L, 8L, 16L, 40L, 67L, 68L, (long) bytes.length - 1));
        for (long b : boundaries) {
            if (b < bytes.length) {
                cuts.add(b);
            }
        }
        for (int i = 1; cuts.size() < TRUNCATIONS; i++) {
            cuts.add(bytes.length * (long) i / (TRUNCATIONS - 8));
        }
        List<Input> out = new ArrayList<>();
        for (long cut : cuts) {
            Path f = dir.resolve(stem(good) + "-cut" + cut + ".jfr");
            Files.write(f, Arrays.copyOf(bytes, (int) cut));
            out.add(new Input(f.getFileName().toString(), f, boundaries.contains(cut) ? Expect.AS_ITS_CONTENTS : Expect.BAD_INPUT));
        }
        return out;
    }

    /**
     * Flips in string encodings: a constant such as {@code com/example/Factorial} is stored as an encoding byte
     * (3 = UTF-8, 5 = Latin-1), a length and the bytes; a flipped high bit of the encoding byte makes an encoding
     * that does not exist, which no reader may take for a string.
     */
    static List<Input> stringFlips(Path good, Path dir, long seed) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        List<Integer> sites = stringSites(bytes);
        Random random = new Random(seed);
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < STRING_FLIPS && !sites.isEmpty(); i++) {
            int at = sites.remove(random.nextInt(sites.size()));
            int bit = 3 + random.nextInt(5); // bits 3..7: 3 and 5 become 11..133, none an encoding
            Path f = dir.resolve(stem(good) + "-string" + at + "-bit" + bit + ".jfr");
            Files.write(f, flipped(bytes, at, bit));
            out.add(new Input(f.getFileName().toString(), f, Expect.CORRUPT_AT_BYTE));
        }
        return out;
    }

    /** Seeded random flips anywhere after the chunk header. */
    static List<Input> randomFlips(Path good, Path dir, long seed) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        Random random = new Random(seed);
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < RANDOM_FLIPS; i++) {
            int at = CHUNK_HEADER + random.nextInt(bytes.length - CHUNK_HEADER);
            int bit = random.nextInt(8);
            Path f = dir.resolve(stem(good) + "-flip" + at + "-bit" + bit + ".jfr");
            Files.write(f, flipped(bytes, at, bit));
            out.add(new Input(f.getFileName().toString(), f, Expect.READABLE_OR_CORRUPT));
        }
        return out;
    }

    /** Flips in the chunk header's fields that every reader depends on. */
    static List<Input> headerFlips(Path good, Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        List<Input> out = new ArrayList<>();
        int[][] flips = {
                {0, 1, 3},  // magic 'F' -> 'G'
                {5, 3, 3},  // major version 2 -> 10
                {9, 6, 3},  // chunk size: 2^54 bytes more
                {13, 7, 3}, // chunk size: 2^23 bytes more (a few MB past the end)
                {17, 0, 3}, // constant pool offset: 2^48 more
                {21, 4, 3}, // constant pool offset: 2^20 more (past the chunk)
                {29, 4, 3}, // metadata offset: 2^20 more (past the chunk)
                {31, 1, 3}, // metadata offset: 2 more (inside the metadata event)
                {67, 0, 3}, // features: compressed integers off
        };
        for (int[] flip : flips) {
            Path f = dir.resolve(stem(good) + "-header" + flip[0] + "-bit" + flip[1] + ".jfr");
            Files.write(f, flipped(bytes, flip[0], flip[1]));
            out.add(new Input(f.getFileName().toString(), f, Expect.BAD_INPUT));
        }
        return out;
    }

    /** A .pstats file cut at 10 points (every prefix of marshal data is incomplete) and with 10 seeded bit flips. */
    static List<Input> pstats(Path good, Path dir, long seed) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int cut = (int) ((long) bytes.length * i / 10);
            Path f = dir.resolve("factorial-cut" + cut + ".pstats");
            Files.write(f, Arrays.copyOf(bytes, cut));
            out.add(new Input(f.getFileName().toString(), f, Expect.BAD_INPUT));
        }
        Random random = new Random(seed);
        for (int i = 0; i < 10; i++) {
            int at = random.nextInt(bytes.length);
            int bit = random.nextInt(8);
            Path f = dir.resolve("factorial-flip" + at + "-bit" + bit + ".pstats");
            Files.write(f, flipped(bytes, at, bit));
            out.add(new Input(f.getFileName().toString(), f, Expect.PSTATS_READABLE_OR_BAD));
        }
        return out;
    }

    /** Files that are not recordings at all, and a well-formed recording of an unrelated event. */
    static List<Input> foreign(Path dir, Path pstats, Path unrelated) throws IOException {
        List<Input> out = new ArrayList<>();
        out.add(bad("empty.jfr", Files.createFile(dir.resolve("empty.jfr"))));
        out.add(bad("notes.txt", Files.writeString(dir.resolve("notes.txt"), "hello, this is not a flight recording\n")));
        out.add(bad("text.jfr", Files.writeString(dir.resolve("text.jfr"), "FLR? no: a text file that starts like one\n")));
        out.add(bad("magic-only.jfr", Files.write(dir.resolve("magic-only.jfr"), "FLR\0".getBytes(StandardCharsets.ISO_8859_1))));
        out.add(bad("header-only.jfr", Files.write(dir.resolve("header-only.jfr"), header(1 << 20))));
        out.add(bad("zero-size-chunk.jfr", Files.write(dir.resolve("zero-size-chunk.jfr"), header(0))));
        Path zip = dir.resolve("archive.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("recording.jfr"));
            z.write("not really".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
        }
        out.add(bad("archive.zip", zip));
        out.add(bad("pstats-as.jfr", Files.copy(pstats, dir.resolve("pstats-as.jfr"))));
        out.add(bad("directory.jfr", Files.createDirectory(dir.resolve("directory.jfr"))));
        out.add(bad("missing.jfr", dir.resolve("missing.jfr")));
        out.add(bad("dangling-link.jfr", Files.createSymbolicLink(dir.resolve("dangling-link.jfr"), dir.resolve("nowhere.jfr"))));
        out.add(bad("device.jfr", Files.createSymbolicLink(dir.resolve("device.jfr"), Path.of("/dev/null"))));
        Path unreadable = Files.copy(unrelated, dir.resolve("unreadable.jfr"));
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        out.add(bad("unreadable.jfr", unreadable));
        out.add(new Input("unrelated-events.jfr", unrelated, Expect.AS_ITS_CONTENTS));
        return out;
    }

    private static Input bad(String name, Path file) {
        return new Input(name, file, Expect.BAD_INPUT);
    }

    /** A chunk header claiming {@code size} bytes and nothing after it. */
    private static byte[] header(long size) {
        ByteBuffer b = ByteBuffer.allocate(CHUNK_HEADER);
        b.put("FLR\0".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 2).putShort((short) 1).putLong(size);
        return b.array();
    }

    /** The byte offsets where each chunk ends (chunk sizes from the headers; the recordings are well-formed). */
    static List<Long> chunkEnds(byte[] bytes) {
        List<Long> ends = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long pos = 0;
        while (pos + 16 <= bytes.length) {
            pos += b.getLong((int) pos + 8);
            ends.add(pos);
        }
        return ends;
    }

    /** Where {@code [3|5] length name} sits for names of 8 to 127 characters of [A-Za-z0-9/._$]. */
    private static List<Integer> stringSites(byte[] bytes) {
        List<Integer> sites = new ArrayList<>();
        for (int i = CHUNK_HEADER; i + 2 < bytes.length; i++) {
            int length = bytes[i + 1];
            if ((bytes[i] == 3 || bytes[i] == 5) && length >= 8 && i + 2 + length <= bytes.length
                    && isName(bytes, i + 2, length)) {
                sites.add(i);
            }
        }
        return sites;
    }

    private static boolean isName(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            int c = bytes[i];
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '.'
                    || c == '_' || c == '$';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static byte[] flipped(byte[] bytes, int at, int bit) {
        byte[] copy = bytes.clone();
        copy[at] ^= (byte) (1 << bit);
        return copy;
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".jfr") ? name.substring(0, name.length() - 4) : name;
    }
}
