package io.jfrtrace.cli.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.analyzer.faulthandler.Reason;
import io.jfrtrace.analyzer.faulthandler.StackFrame;
import io.jfrtrace.analyzer.faulthandler.ThreadDump;
import io.jfrtrace.analyzer.faulthandler.ThreadStack;
import io.jfrtrace.analyzer.jfr.ChunkedRecording;
import io.jfrtrace.analyzer.jfr.ThreadDumpReader;
import io.jfrtrace.privatefiles.PrivateFile;
import io.jfrtrace.schema.StackFrames;
import io.jfrtrace.schema.ThreadDumpEvent;
import io.jfrtrace.schema.ThreadStackEvent;
import jdk.jfr.Recording;

/**
 * After a native crash, gathers what the crash left into one faulthandler dump ({@code jfrtrace.ThreadDump} reason
 * {@code fatal}, detail {@code Segmentation fault} etc.) and appends it to the output as a chunk of its own,
 * recorded in this JVM. The crashing thread's frames come from the best source there is: the native agent's crash
 * file, else the emergency dump's {@code jdk.Shutdown} stack, else hs_err's {@code Java frames:} section; the
 * native frames at the top of hs_err's stack go first. Other threads come from the native agent, when it got them.
 */
public final class CrashDump {
    /** What was appended: the dump's detail, where the crashing thread's frames came from, how many threads. */
    public record Outcome(String detail, String threadName, String frameSource, int threads) {
    }

    private CrashDump() {
    }

    /** Appends the fatal dump to {@code out} (creating it if needed); null when neither file tells of a crash. */
    public static Outcome append(Path out, Path hsErr, Path nativeFile) throws IOException {
        NativeCrashFile nat = NativeCrashFile.read(nativeFile);
        HsErrLog log = hsErr != null && Files.isRegularFile(hsErr) ? HsErrLog.read(hsErr) : null;
        if (nat == null && (log == null || log.headline() == null)) {
            return null;
        }
        String detail = log != null && log.headline() != null
                ? orElse(HsErrLog.faulthandlerName(log.signal()), log.headline())
                : orElse(HsErrLog.faulthandlerName(nat.signal()), nat.signal());

        ThreadDumpReader.All existing = readable(out) ? ThreadDumpReader.readAll(out) : new ThreadDumpReader.All(List.of(), List.of());
        ThreadDump vmError = null;
        for (ThreadDump d : existing.jdk()) {
            if (d.reason() == Reason.FATAL) {
                vmError = d; // the last one
            }
        }
        ThreadStack shutdown = vmError == null ? null
                : vmError.threads().stream().filter(ThreadStack::current).findFirst().orElse(null);

        String name = log != null && log.threadName() != null ? log.threadName() : shutdown != null ? shutdown.name() : null;
        long id = shutdown != null && shutdown.threadId() > 0 ? shutdown.threadId() : 0;
        NativeCrashFile.NativeThread nativeSelf = null;
        if (nat != null && name != null) {
            List<NativeCrashFile.NativeThread> same = nat.threads().stream().filter(t -> name.equals(t.name())).toList();
            if (same.size() == 1) {
                nativeSelf = same.get(0);
                if (id == 0) {
                    id = nativeSelf.id();
                }
            }
        }

        List<String> frames = new ArrayList<>();
        String source;
        int extra = 0;
        if (nat != null && !nat.crashingFrames().isEmpty()) {
            frames.addAll(nat.crashingFrames());
            source = "the native agent";
        } else if (shutdown != null && !shutdown.frames().isEmpty()) {
            for (StackFrame f : shutdown.frames()) {
                frames.add(CrashFrames.encode(f));
            }
            extra = Math.max(0, shutdown.totalFrames() - shutdown.frames().size());
            source = "the emergency dump";
        } else if (nativeSelf != null && !nativeSelf.frames().isEmpty()) {
            frames.addAll(nativeSelf.frames());
            source = "the native agent";
        } else if (log != null && !log.javaFrames().isEmpty()) {
            frames.addAll(log.javaFrames());
            source = "hs_err";
        } else {
            source = "nowhere (no Java frames)";
        }
        frames = withoutHooks(frames);
        if (log != null) {
            frames.addAll(0, log.nativeFrames());
        }

        long dumpId = 1;
        for (ThreadDump d : existing.jfrTrace()) {
            dumpId = Math.max(dumpId, d.id() + 1);
        }
        List<ThreadStackEvent> stacks = new ArrayList<>();
        stacks.add(stack(dumpId, id, name == null ? "" : name, "RUNNABLE", true, frames, frames.size() + extra));
        if (nat != null) {
            for (NativeCrashFile.NativeThread t : nat.threads()) {
                if (t != nativeSelf) {
                    List<String> f = withoutHooks(t.frames());
                    stacks.add(stack(dumpId, t.id(), t.name(), t.state(), false, f, f.size()));
                }
            }
        }
        write(out, dumpId, detail, id, stacks);
        return new Outcome(detail, name, source, stacks.size());
    }

    /**
     * Drops the call profiler's injected hooks ({@code io.jfrtrace.runtime}), as the recorder's own dumps do: in
     * compiled code AsyncGetCallTrace may even name an inlined hook as the top frame, the scope after the fault.
     */
    static List<String> withoutHooks(List<String> frames) {
        // JDK frames on top of a hook were called by the hook: they go with it.
        int start = 0;
        for (int j = 0; j < frames.size() && (isJdk(frames.get(j)) || isHook(frames.get(j))); j++) {
            if (isHook(frames.get(j))) {
                start = j + 1;
            }
        }
        List<String> out = new ArrayList<>(frames.size());
        for (String f : frames.subList(start, frames.size())) {
            if (!isHook(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean isHook(String frame) {
        return frame.startsWith("io/jfrtrace/runtime/");
    }

    private static boolean isJdk(String frame) {
        return frame.startsWith("java/") || frame.startsWith("jdk/") || frame.startsWith("sun/");
    }

    private static ThreadStackEvent stack(long dumpId, long id, String name, String state, boolean current, List<String> frames,
            int total) {
        ThreadStackEvent e = new ThreadStackEvent();
        e.dumpId = dumpId;
        e.threadId = id;
        e.threadName = name;
        e.threadState = state;
        e.current = current;
        e.totalFrames = Math.max(total, frames.size());
        e.frames = StackFrames.join(frames);
        return e;
    }

    /** Records the events in this JVM, then appends that recording's chunk to {@code out}. */
    private static void write(Path out, long dumpId, String detail, long currentId, List<ThreadStackEvent> stacks) throws IOException {
        Path chunk = Files.createTempFile("jfr-trace-crash", ".jfr");
        try {
            try (Recording r = new Recording()) {
                r.enable(ThreadDumpEvent.class);
                r.enable(ThreadStackEvent.class);
                r.setToDisk(true);
                r.start();
                for (ThreadStackEvent s : stacks) {
                    s.commit();
                }
                ThreadDumpEvent d = new ThreadDumpEvent();
                d.dumpId = dumpId;
                d.reason = ThreadDumpEvent.FATAL;
                d.detail = detail;
                d.timeoutMicros = 0;
                d.currentThreadId = currentId;
                d.threadCount = stacks.size();
                d.commit();
                r.stop();
                r.dump(chunk);
            }
            if (readable(out)) {
                long previousId = clearFinalChunkFlags(out);
                byte[] bytes = Files.readAllBytes(chunk);
                avoidMetadataId(bytes, previousId);
                try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.APPEND)) {
                    o.write(bytes);
                }
            } else {
                PrivateFile.copy(chunk, out);
            }
        } finally {
            Files.deleteIfExists(chunk);
        }
    }

    /** Byte 67 of a chunk header holds flags; bit 1 says "final chunk", after which JDK readers stop reading. */
    private static final int FLAGS_POSITION = 67;
    private static final int FINAL_CHUNK = 1 << 1;

    private static final int COMPRESSED_INTS = 1;

    /**
     * An emergency dump marks its chunk final: a chunk appended after it would be invisible to jdk.jfr.consumer.
     * Returns the metadata id of the file's last chunk (-1 if unknown).
     */
    static long clearFinalChunkFlags(Path file) throws IOException {
        long lastId = -1;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long pos = 0;
            ByteBuffer head = ByteBuffer.allocate(FLAGS_POSITION + 1);
            while (pos + head.capacity() <= ch.size()) {
                head.clear();
                while (head.hasRemaining() && ch.read(head, pos + head.position()) > 0) {
                    // fill
                }
                if (head.getInt(0) != 0x464C5200) { // "FLR\0"
                    return lastId;
                }
                long size = head.getLong(8);
                byte flags = head.get(FLAGS_POSITION);
                if ((flags & FINAL_CHUNK) != 0) {
                    ch.write(ByteBuffer.wrap(new byte[] {(byte) (flags & ~FINAL_CHUNK)}), pos + FLAGS_POSITION);
                }
                if (size <= head.capacity() || pos + size > ch.size()) {
                    return lastId;
                }
                byte[] meta = new byte[64];
                ByteBuffer mb = ByteBuffer.wrap(meta);
                ch.read(mb, pos + head.getLong(24));
                long[] at = metadataIdAt(meta, 0, flags);
                lastId = at == null ? -1 : at[1];
                pos += size;
            }
        }
        return lastId;
    }

    /**
     * jdk.jfr.consumer reuses the previous chunk's metadata when the two metadata ids are equal, and both JVMs
     * count from 1: then it would not know our event types and skip them. Change ours (keeping its encoded
     * length) when it collides.
     */
    static void avoidMetadataId(byte[] chunk, long previousId) {
        if (previousId < 0 || chunk.length < FLAGS_POSITION + 1) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(chunk);
        long metaPos = b.getLong(24);
        if (metaPos <= 0 || metaPos >= chunk.length) {
            return;
        }
        long[] at = metadataIdAt(chunk, (int) metaPos, chunk[FLAGS_POSITION]);
        if (at != null && at[1] == previousId) {
            chunk[(int) at[0]] ^= 1; // the lowest bit of the first (least significant) group: same length, other id
        }
    }

    /** {position of the metadata id, its value} in a metadata event (compressed integers), or null. */
    private static long[] metadataIdAt(byte[] b, int p, byte flags) {
        if ((flags & COMPRESSED_INTS) == 0) {
            return null;
        }
        try {
            for (int field = 0; field < 4; field++) { // size, type id (0), start time, duration
                p = skipVarint(b, p);
            }
            long value = 0;
            int start = p;
            for (int i = 0; i < 9; i++) {
                int c = b[p++] & 0xff;
                if (i == 8) {
                    value |= (long) c << 56;
                    break;
                }
                value |= (long) (c & 0x7f) << (7 * i);
                if (c < 0x80) {
                    break;
                }
            }
            return new long[] {start, value};
        } catch (ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static int skipVarint(byte[] b, int p) {
        for (int i = 0; i < 9; i++) {
            if ((b[p++] & 0x80) == 0) {
                break;
            }
        }
        return p;
    }

    private static boolean readable(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0 && ChunkedRecording.open(file).chunkCount() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }
}
