package io.jfrtrace.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.item.IItemIterable;

import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;

class ChunkedRecordingTest {
    @Name("jfrtrace.test.Tick")
    static final class Tick extends Event {
        int n;
    }

    @TempDir
    Path tmp;

    private Path recordTicks(int count) throws Exception {
        Path f = tmp.resolve("ticks.jfr");
        try (Recording r = new Recording()) {
            r.enable(Tick.class);
            r.start();
            for (int i = 0; i < count; i++) {
                Tick t = new Tick();
                t.n = i;
                t.commit();
            }
            r.stop();
            r.dump(f);
        }
        return f;
    }

    private static long ticks(Iterable<IItemIterable> byType) {
        long n = 0;
        for (IItemIterable events : byType) {
            if (events.getType().getIdentifier().equals("jfrtrace.test.Tick")) {
                n += events.getItemCount();
            }
        }
        return n;
    }

    @Test
    void eachChunkIsParsedOnItsOwnSoOnlyOneChunksEventsAreEverHeld() throws Exception {
        byte[] one = Files.readAllBytes(recordTicks(500));
        Path three = tmp.resolve("three.jfr");
        byte[] all = new byte[one.length * 3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        Files.write(three, all);

        ChunkedRecording rec = ChunkedRecording.open(three);
        assertEquals(3, rec.chunkCount());
        List<Long> perVisit = new ArrayList<>();
        rec.forEachChunk(byType -> perVisit.add(ticks(byType)));
        assertEquals(List.of(500L, 500L, 500L), perVisit);
    }

    @Test
    void aChunkCutShortIsReportedAsTruncatedWithItsNumber() throws Exception {
        byte[] one = Files.readAllBytes(recordTicks(10));
        Path cut = tmp.resolve("cut.jfr");
        byte[] two = Arrays.copyOf(one, one.length * 2 - 100);
        System.arraycopy(one, 0, two, one.length, one.length - 100);
        Files.write(cut, two);
        RecordingException e = assertThrows(RecordingException.class, () -> ChunkedRecording.open(cut));
        assertTrue(e.getMessage().contains("truncated recording: chunk 2"), e.getMessage());
    }

    @Test
    void aMetadataOffsetOutsideTheChunkIsNamedWithTheByteItSitsAt() throws Exception {
        byte[] bytes = Files.readAllBytes(recordTicks(10));
        bytes[29] ^= 0x10; // metadata offset (bytes 24-31) + 1 MiB
        Path bad = Files.write(tmp.resolve("bad-metadata.jfr"), bytes);
        RecordingException e = assertThrows(RecordingException.class,
                () -> ChunkedRecording.open(bad).forEachChunk(byType -> { }));
        assertTrue(e.getMessage().startsWith(bad + ": corrupt recording: the metadata offset "), e.getMessage());
        assertTrue(e.getMessage().contains("at byte 24 points outside the chunk"), e.getMessage());
    }

    @Test
    void aStringWithAnEncodingThatDoesNotExistIsCorruptDataInItsChunk() throws Exception {
        byte[] one = Files.readAllBytes(recordTicks(10));
        byte[] two = Arrays.copyOf(one, one.length * 2);
        System.arraycopy(one, 0, two, one.length, one.length);
        int name = indexOf(two, "jfrtrace.test.Tick".getBytes(java.nio.charset.StandardCharsets.US_ASCII), one.length);
        // the name in chunk 2: its encoding (3 UTF-8, 4 chars, 5 Latin-1), its length, its text
        assertTrue(two[name - 2] >= 3 && two[name - 2] <= 5, "encoding " + two[name - 2]);
        two[name - 2] ^= 0x40; // an encoding that does not exist
        Path bad = Files.write(tmp.resolve("bad-string.jfr"), two);
        RecordingException e = assertThrows(RecordingException.class,
                () -> ChunkedRecording.open(bad).forEachChunk(byType -> { }));
        assertTrue(e.getMessage().contains("corrupt recording: unreadable event data: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(chunk 2, bytes " + one.length + "-" + (two.length - 1) + ")"), e.getMessage());
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
