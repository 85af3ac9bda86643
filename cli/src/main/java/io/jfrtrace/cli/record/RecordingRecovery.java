package io.jfrtrace.cli.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.analyzer.jfr.ChunkHeader;
import io.jfrtrace.analyzer.jfr.ChunkedRecording;
import io.jfrtrace.analyzer.jfr.RecordingException;
import io.jfrtrace.privatefiles.PrivateFile;

/**
 * Makes sure a readable recording exists after the JVM ended, however it ended. When JFR could not
 * write the destination (SIGKILL, {@code Runtime.halt}, a native crash), the data is rebuilt from
 * the JVM's emergency dump ({@code hs_err_pid<pid>.jfr}) or, failing that, from the chunks left in
 * the JFR repository, each cut at the size its header says was last flushed. A recovered output is
 * the owner's alone, as the one JFR writes.
 */
public final class RecordingRecovery {
    /** How the output came to be. */
    public enum Source { COMPLETE, EMERGENCY_DUMP, REPOSITORY, PARTIAL, NOTHING }

    public record Result(Source source, int chunks, String detail) {
    }

    private RecordingRecovery() {
    }

    public static Result ensureReadable(Path output, long pid, Path repository, Path workDir) throws IOException {
        if (isReadable(output)) {
            return new Result(Source.COMPLETE, ChunkedRecording.open(output).chunkCount(), null);
        }
        Path emergency = workDir.resolve("hs_err_pid" + pid + ".jfr");
        if (isReadable(emergency)) {
            PrivateFile.copy(emergency, output);
            Files.delete(emergency); // once merged, the dump is not left in the working directory
            return new Result(Source.EMERGENCY_DUMP, ChunkedRecording.open(output).chunkCount(), emergency.toString());
        }
        if (Files.exists(emergency)) { // unreadable: kept for the curious, beside the output, not in the working directory
            PrivateFile.copy(emergency, output.resolveSibling(output.getFileName() + ".emergency.jfr"));
            Files.delete(emergency);
        }
        List<Path> chunks = repositoryChunks(repository, pid);
        Path tmp = output.resolveSibling(output.getFileName() + ".recovering");
        int kept = 0;
        try (OutputStream out = PrivateFile.newOutputStream(tmp)) {
            for (Path chunk : chunks) {
                kept += copyFlushedPart(chunk, out) ? 1 : 0;
            }
        }
        if (kept > 0 && isReadable(tmp)) {
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
            return new Result(Source.REPOSITORY, kept, null);
        }
        Files.deleteIfExists(tmp);
        int complete = keepCompleteChunks(output);
        if (complete > 0) {
            return new Result(Source.PARTIAL, complete, null);
        }
        Files.deleteIfExists(output); // empty or cut inside its first chunk
        return new Result(Source.NOTHING, 0, null);
    }

    /** Cuts {@code file} after its last complete chunk; how many chunks remain (0: none, file untouched). */
    private static int keepCompleteChunks(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        long end = 0;
        int chunks = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            while (true) {
                ByteBuffer head = ByteBuffer.allocate(ChunkHeader.MIN_LENGTH);
                if (ch.read(head, end) < ChunkHeader.MIN_LENGTH) {
                    break;
                }
                head.flip();
                ChunkHeader header = ChunkHeader.parse(head);
                if (header == null || header.size() <= ChunkHeader.MIN_LENGTH || end + header.size() > ch.size()) {
                    break;
                }
                end += header.size();
                chunks++;
            }
            if (chunks == 0) {
                return 0;
            }
            ch.truncate(end);
        }
        return isReadable(file) ? chunks : 0;
    }

    /** Whether {@code file} is a complete recording of at least one chunk. */
    public static boolean isReadable(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0 && ChunkedRecording.open(file).chunkCount() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The chunk files of the JVM with this pid, oldest first (folders are named {@code <time>_<pid>}). */
    private static List<Path> repositoryChunks(Path repository, long pid) throws IOException {
        List<Path> out = new ArrayList<>();
        if (repository == null || !Files.isDirectory(repository)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(repository, "*_" + pid)) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jfr")) {
                    files.forEach(out::add);
                }
            }
        }
        out.sort(null); // names are start times
        return out;
    }

    /** Appends the part of a chunk that its header says was flushed; false if nothing usable. */
    private static boolean copyFlushedPart(Path chunk, OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(chunk, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(ChunkHeader.MIN_LENGTH);
            ch.read(head, 0);
            head.flip();
            ChunkHeader header = ChunkHeader.parse(head);
            if (header == null || header.size() <= ChunkHeader.MIN_LENGTH || header.size() > ch.size()) {
                return false;
            }
            Path one = Files.createTempFile("jfr-trace-chunk", ".jfr");
            try {
                try (FileChannel dst = FileChannel.open(one, StandardOpenOption.WRITE)) {
                    ch.transferTo(0, header.size(), dst);
                }
                if (!isReadableChunk(one)) {
                    return false;
                }
                Files.copy(one, out);
                return true;
            } finally {
                Files.deleteIfExists(one);
            }
        }
    }

    private static boolean isReadableChunk(Path file) {
        try {
            ChunkedRecording.open(file).forEachChunk(events -> { });
            return true;
        } catch (RecordingException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
