package io.jfrtrace.analyzer.faulthandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.jfrtrace.schema.text.FaulthandlerText;

/**
 * Prints thread dumps exactly as CPython 3.11's faulthandler does ({@code Python/traceback.c}), Java-flavoured, in
 * the text the agent writes live ({@link FaulthandlerText}):
 *
 * <pre>
 * Timeout (0:00:05)!                                  (timeout dumps; fatal: "Fatal JVM error: DETAIL" + empty line)
 * Thread 0x0000000000000010 "worker" (most recent call first):
 *   File "com/example/Hang.java", line 12 in Hang.lockBoth
 *
 * Current thread 0x0000000000000001 "main" (most recent call first):
 *   &lt;no Java frame&gt;
 * </pre>
 *
 * The thread id is the Java thread id ({@code Thread.getId()}), 16 lowercase hex digits; the thread's name follows
 * in double quotes, escaped and truncated like every other string. Request and signal dumps have no header.
 * Everything written is ASCII.
 */
public final class DumpPrinter {
    /**
     * The cuts faulthandler makes: at most {@code maxFrames} frames per thread (then {@code   ...}), {@code maxThreads}
     * threads (then an empty line and {@code ...}), and {@code maxString} code points per string (then {@code ...}).
     */
    public record Limits(int maxFrames, int maxThreads, int maxString) {
        /** faulthandler's own limits: 100 frames, 100 threads, 500 code points. */
        public static final Limits PYTHON = new Limits(FaulthandlerText.MAX_FRAMES, FaulthandlerText.MAX_THREADS,
                FaulthandlerText.MAX_STRING);
        /** No cuts (strings are still ASCII-escaped). */
        public static final Limits NONE = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

        /** {@code python} or {@code none}. */
        public static Limits parse(String s) {
            if ("python".equalsIgnoreCase(s)) {
                return PYTHON;
            }
            if ("none".equalsIgnoreCase(s)) {
                return NONE;
            }
            throw new IllegalArgumentException("unknown limits '" + s + "' (python or none)");
        }
    }

    private final Limits limits;

    public DumpPrinter(Limits limits) {
        this.limits = limits;
    }

    public DumpPrinter() {
        this(Limits.PYTHON);
    }

    /** One dump as a string (ASCII, lines ending in {@code \n}). */
    public String format(ThreadDump dump) {
        StringBuilder sb = new StringBuilder();
        print(dump, sb);
        return sb.toString();
    }

    /** Several dumps, one empty line between two dumps. */
    public String format(List<ThreadDump> dumps) {
        StringBuilder sb = new StringBuilder();
        print(dumps, sb);
        return sb.toString();
    }

    /** Several dumps, one empty line between two dumps (none before the first or after the last). */
    public void print(List<ThreadDump> dumps, Appendable out) {
        for (int i = 0; i < dumps.size(); i++) {
            if (i > 0) {
                append(out, "\n");
            }
            print(dumps.get(i), out);
        }
    }

    /** One dump: its header, then every thread newest first. */
    public void print(ThreadDump dump, Appendable out) {
        StringBuilder sb = new StringBuilder();
        FaulthandlerText text = new FaulthandlerText(sb, limits.maxFrames(), limits.maxThreads(), limits.maxString());
        switch (dump.reason()) {
            case TIMEOUT -> text.timeoutHeader(dump.timeoutMicros());
            case FATAL -> text.fatalHeader(dump.detail());
            case REQUEST, SIGNAL -> { }
        }
        for (ThreadStack t : dump.threads()) {
            if (!text.thread(t.current(), t.threadId(), t.name())) {
                break;
            }
            for (StackFrame f : t.frames()) {
                text.frame(f.file(), f.line(), f.function());
            }
            text.endFrames(t.totalFrames());
        }
        append(out, sb);
    }

    /** {@code _Py_DumpASCII}: the first {@code maxString} code points, escaped, then {@code ...} if cut. */
    String ascii(String s) {
        return ascii(s, limits.maxString());
    }

    /** faulthandler's string form ({@link FaulthandlerText#escape}). */
    public static String ascii(String s, int max) {
        return FaulthandlerText.escape(s, max);
    }

    /** {@code Timeout (H:MM:SS)!} or {@code Timeout (H:MM:SS.ffffff)!} (hours not padded). */
    public static String timeoutHeader(long micros) {
        return FaulthandlerText.timeout(micros);
    }

    private static void append(Appendable out, CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
