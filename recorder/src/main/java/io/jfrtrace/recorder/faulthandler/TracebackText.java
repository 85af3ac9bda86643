package io.jfrtrace.recorder.faulthandler;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * faulthandler's text (cpython-formats.md §5): ASCII only, 100 frames and 100 threads at most,
 * strings cut at 500 code points. The analyzer has the canonical printer; this one writes dumps live.
 */
public final class TracebackText {
    public static final int MAX_FRAMES = 100;
    public static final int MAX_THREADS = 100;
    public static final int MAX_STRING = 500;

    private TracebackText() {
    }

    /** {@code Timeout (H:MM:SS)!} or {@code Timeout (H:MM:SS.ffffff)!}, with its newline. */
    public static String timeoutHeader(long micros) {
        long sec = micros / 1_000_000;
        long us = micros % 1_000_000;
        StringBuilder sb = new StringBuilder("Timeout (").append(sec / 3600);
        padded(sb.append(':'), Long.toString(sec / 60 % 60), 2);
        padded(sb.append(':'), Long.toString(sec % 60), 2);
        if (us != 0) {
            padded(sb.append('.'), Long.toString(us), 6);
        }
        return sb.append(")!\n").toString();
    }

    /** {@code Fatal JVM error: DETAIL} and an empty line. */
    public static String fatalHeader(String detail) {
        return "Fatal JVM error: " + escape(detail) + "\n\n";
    }

    /**
     * The whole dump. {@code threads} newest first; with {@code allThreads} false only the current
     * thread is written, under {@code Stack (most recent call first):}.
     */
    public static byte[] format(String header, List<ThreadStack> threads, boolean allThreads) {
        StringBuilder sb = new StringBuilder(4096);
        if (header != null) {
            sb.append(header);
        }
        if (!allThreads) {
            sb.append("Stack (most recent call first):\n");
            for (ThreadStack t : threads) {
                if (t.current()) {
                    frames(sb, t.frames());
                    break;
                }
            }
        } else {
            int n = 0;
            for (ThreadStack t : threads) {
                if (n == MAX_THREADS) {
                    sb.append("\n...\n");
                    break;
                }
                if (n++ > 0) {
                    sb.append('\n');
                }
                sb.append(t.current() ? "Current thread " : "Thread ")
                        .append("0x").append(hex(t.id(), 16))
                        .append(" \"").append(escape(t.name())).append("\" (most recent call first):\n");
                frames(sb, t.frames());
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void frames(StringBuilder sb, StackTraceElement[] frames) {
        if (frames.length == 0) {
            sb.append("  <no Java frame>\n");
            return;
        }
        int n = Math.min(frames.length, MAX_FRAMES);
        for (int i = 0; i < n; i++) {
            StackTraceElement e = frames[i];
            int line = Frames.line(e);
            sb.append("  File \"").append(escape(Frames.file(e))).append("\", line ")
                    .append(line < 0 ? "???" : Integer.toString(line))
                    .append(" in ").append(escape(Frames.function(e))).append('\n');
        }
        if (frames.length > MAX_FRAMES) {
            sb.append("  ...\n");
        }
    }

    /** First 500 code points, printable ASCII as is, the rest as backslash-x, -u, -U hex escapes; then "..." if cut. */
    public static String escape(String s) {
        if (s == null) {
            return "???";
        }
        StringBuilder sb = new StringBuilder(s.length());
        int count = 0;
        int i = 0;
        while (i < s.length()) {
            if (count == MAX_STRING) {
                sb.append("...");
                break;
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            count++;
            if (cp >= 0x20 && cp <= 0x7e) {
                sb.append((char) cp);
            } else if (cp <= 0xff) {
                sb.append("\\x").append(hex(cp, 2));
            } else if (cp <= 0xffff) {
                sb.append("\\u").append(hex(cp, 4));
            } else {
                sb.append("\\U").append(hex(cp, 8));
            }
        }
        return sb.toString();
    }

    /*
     * Digits by hand, not String.format: java.util.Formatter loads the locale's number symbols,
     * which runs String code on non-Latin-1 text (infinity, per mille). Done in the agent's
     * start-up (Dumper.warmUp), that marks String.charAt's UTF-16 branch as taken for the whole
     * JVM, and C2 then keeps a call in every charAt loop of the program: no counted loop, no
     * unrolling (see docs/architecture.md; AgentFootprintIT guards it).
     */

    /** {@code v} in lower-case hex, zero-padded to {@code width} digits. */
    static String hex(long v, int width) {
        return padded(new StringBuilder(width), Long.toHexString(v), width).toString();
    }

    private static StringBuilder padded(StringBuilder sb, String digits, int width) {
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}
