package io.jfrtrace.analyzer.faulthandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Prints thread dumps exactly as CPython 3.11's faulthandler does ({@code Python/traceback.c}), Java-flavoured:
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
        public static final Limits PYTHON = new Limits(100, 100, 500);
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
        switch (dump.reason()) {
            case TIMEOUT -> sb.append(timeoutHeader(dump.timeoutMicros())).append('\n');
            case FATAL -> sb.append("Fatal JVM error: ").append(ascii(dump.detail())).append("\n\n");
            case REQUEST, SIGNAL -> { }
        }
        List<ThreadStack> threads = dump.threads();
        for (int n = 0; n < threads.size(); n++) {
            if (n != 0) {
                sb.append('\n');
            }
            if (n >= limits.maxThreads()) {
                sb.append("...\n");
                break;
            }
            printThread(threads.get(n), sb);
        }
        append(out, sb);
    }

    private void printThread(ThreadStack t, StringBuilder sb) {
        sb.append(t.current() ? "Current thread 0x" : "Thread 0x");
        String hex = Long.toHexString(t.threadId());
        sb.append("0".repeat(Math.max(0, 16 - hex.length()))).append(hex);
        if (t.name() != null) {
            sb.append(" \"").append(ascii(t.name())).append('"');
        }
        sb.append(" (most recent call first):\n");
        List<StackFrame> frames = t.frames();
        if (frames.isEmpty()) {
            sb.append(t.totalFrames() > 0 ? "  ...\n" : "  <no Java frame>\n");
            return;
        }
        int shown = Math.min(frames.size(), limits.maxFrames());
        for (int i = 0; i < shown; i++) {
            printFrame(frames.get(i), sb);
        }
        if (shown < t.totalFrames()) {
            sb.append("  ...\n");
        }
    }

    private void printFrame(StackFrame f, StringBuilder sb) {
        sb.append("  File ");
        if (f.file() == null) {
            sb.append("???");
        } else {
            sb.append('"').append(ascii(f.file())).append('"');
        }
        sb.append(", line ");
        if (f.line() < 0) {
            sb.append("???");
        } else {
            sb.append(f.line());
        }
        sb.append(" in ").append(f.function() == null ? "???" : ascii(f.function())).append('\n');
    }

    /** {@code _Py_DumpASCII}: the first {@code maxString} code points, escaped, then {@code ...} if cut. */
    String ascii(String s) {
        return ascii(s, limits.maxString());
    }

    /**
     * faulthandler's string form: 0x20–0x7E as is ({@code "} and {@code \} included), others as {@code \xhh},
     * {@code \}{@code uhhhh} or {@code \Uhhhhhhhh} in lowercase hex; only the first {@code max} code points, then
     * {@code ...} if there were more.
     */
    public static String ascii(String s, int max) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 1024) + 8);
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            if (count == max) {
                sb.append("...");
                break;
            }
            int ch = s.codePointAt(i);
            i += Character.charCount(ch);
            count++;
            if (ch >= 0x20 && ch <= 0x7e) {
                sb.append((char) ch);
            } else if (ch <= 0xff) {
                hex(sb, "\\x", ch, 2);
            } else if (ch <= 0xffff) {
                hex(sb, "\\u", ch, 4);
            } else {
                hex(sb, "\\U", ch, 8);
            }
        }
        return sb.toString();
    }

    private static void hex(StringBuilder sb, String prefix, int ch, int digits) {
        String h = Integer.toHexString(ch);
        sb.append(prefix).append("0".repeat(digits - h.length())).append(h);
    }

    /** {@code Timeout (H:MM:SS)!} or {@code Timeout (H:MM:SS.ffffff)!} (hours not padded). */
    public static String timeoutHeader(long micros) {
        long us = Math.abs(micros);
        long sec = us / 1_000_000;
        us %= 1_000_000;
        long min = sec / 60;
        sec %= 60;
        long hour = min / 60;
        min %= 60;
        String base = String.format("Timeout (%d:%02d:%02d", hour, min, sec);
        return us != 0 ? base + String.format(".%06d)!", us) : base + ")!";
    }

    private static void append(Appendable out, CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
