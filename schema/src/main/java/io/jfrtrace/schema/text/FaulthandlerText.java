package io.jfrtrace.schema.text;

import io.jfrtrace.schema.FrameNames;

/**
 * faulthandler's dump text ({@code Python/traceback.c}), Java-flavoured, written into a
 * caller's StringBuilder as the caller walks its own threads and frames:
 *
 * <pre>
 * Timeout (0:00:05)!                      timeout dumps; fatal ones: "Fatal JVM error: DETAIL" and an empty line
 * Thread 0x0000000000000010 "worker" (most recent call first):
 *   File "com/example/Hang.java", line 12 in Hang.lockBoth
 *
 * Current thread 0x0000000000000001 "main" (most recent call first):
 *   &lt;no Java frame&gt;
 * </pre>
 *
 * The thread id is the Java thread id in 16 lowercase hex digits; strings are ASCII-escaped and cut like
 * faulthandler's. The cuts: {@code maxFrames} frames per thread (then {@code   ...}), {@code maxThreads} threads
 * (then an empty line and {@code ...}), {@code maxString} code points per string (then {@code ...}).
 */
public final class FaulthandlerText {
    /** faulthandler's own limits. */
    public static final int MAX_FRAMES = 100;
    public static final int MAX_THREADS = 100;
    public static final int MAX_STRING = 500;

    private final StringBuilder out;
    private final int maxFrames;
    private final int maxThreads;
    private final int maxString;
    private int threads;
    private boolean threadsCut;
    private int frames;

    public FaulthandlerText(StringBuilder out, int maxFrames, int maxThreads, int maxString) {
        this.out = out;
        this.maxFrames = maxFrames;
        this.maxThreads = maxThreads;
        this.maxString = maxString;
    }

    /** With faulthandler's limits. */
    public FaulthandlerText(StringBuilder out) {
        this(out, MAX_FRAMES, MAX_THREADS, MAX_STRING);
    }

    /** {@code Timeout (H:MM:SS)!} or {@code Timeout (H:MM:SS.ffffff)!} and its newline. */
    public FaulthandlerText timeoutHeader(long micros) {
        out.append(timeout(micros)).append('\n');
        return this;
    }

    /** {@code Fatal JVM error: DETAIL} and an empty line. */
    public FaulthandlerText fatalHeader(String detail) {
        out.append("Fatal JVM error: ").append(escape(detail, maxString)).append("\n\n");
        return this;
    }

    /** The one stack of {@code dump_traceback(all_threads=False)}: its frames follow, then {@link #endFrames}. */
    public FaulthandlerText stack() {
        out.append("Stack (most recent call first):\n");
        frames = 0;
        return this;
    }

    /**
     * Begins a thread (its frames follow, then {@link #endFrames}); false, after faulthandler's {@code ...}, when
     * the thread limit is reached: the caller stops there. A null name is left out.
     */
    public boolean thread(boolean current, long id, String name) {
        if (threadsCut) {
            return false;
        }
        if (threads > 0) {
            out.append('\n');
        }
        if (threads >= maxThreads) {
            out.append("...\n");
            threadsCut = true;
            return false;
        }
        threads++;
        frames = 0;
        out.append(current ? "Current thread 0x" : "Thread 0x");
        padded(Long.toHexString(id), 16);
        if (name != null) {
            out.append(" \"").append(escape(name, maxString)).append('"');
        }
        out.append(" (most recent call first):\n");
        return true;
    }

    /** The next frame, most recent first; past the frame limit nothing. Null names and negative lines print ???. */
    public void frame(String file, int line, String function) {
        if (frames >= maxFrames) {
            return;
        }
        frames++;
        out.append("  File ");
        if (file == null) {
            out.append("???");
        } else {
            out.append('"').append(escape(file, maxString)).append('"');
        }
        out.append(", line ");
        if (line < 0) {
            out.append("???");
        } else {
            out.append(line);
        }
        out.append(" in ").append(escape(function, maxString)).append('\n');
    }

    /** The next frame of a live stack, named by {@link FrameNames}. */
    public void frame(StackTraceElement e) {
        frame(FrameNames.file(e), e.getLineNumber(), FrameNames.function(e));
    }

    /** A live stack's frames, most recent first, and their end. */
    public void frames(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            frame(e);
        }
        endFrames(stack.length);
    }

    /** Ends the frames of a thread that had {@code totalFrames}: {@code <no Java frame>}, or {@code ...} when cut. */
    public void endFrames(int totalFrames) {
        if (frames == 0) {
            out.append(totalFrames > 0 ? "  ...\n" : "  <no Java frame>\n");
        } else if (frames < totalFrames) {
            out.append("  ...\n");
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** {@code Timeout (H:MM:SS)!} or {@code Timeout (H:MM:SS.ffffff)!}: hours not padded, no newline. */
    public static String timeout(long micros) {
        long us = Math.abs(micros);
        long sec = us / 1_000_000;
        us %= 1_000_000;
        StringBuilder sb = new StringBuilder("Timeout (").append(sec / 3600);
        pad(sb.append(':'), Long.toString(sec / 60 % 60), 2);
        pad(sb.append(':'), Long.toString(sec % 60), 2);
        if (us != 0) {
            pad(sb.append('.'), Long.toString(us), 6);
        }
        return sb.append(")!").toString();
    }

    /**
     * {@code _Py_DumpASCII}: 0x20–0x7E as is ({@code "} and {@code \} included), others as {@code \xhh},
     * {@code \}{@code uhhhh} or {@code \Uhhhhhhhh} in lowercase hex; only the first {@code max} code points, then
     * {@code ...} if there were more. Null (no str at all) is {@code ???}.
     */
    public static String escape(String s, int max) {
        if (s == null) {
            return "???";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 1024) + 8);
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            if (count == max) {
                sb.append("...");
                break;
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            count++;
            if (cp >= 0x20 && cp <= 0x7e) {
                sb.append((char) cp);
            } else if (cp <= 0xff) {
                pad(sb.append("\\x"), Integer.toHexString(cp), 2);
            } else if (cp <= 0xffff) {
                pad(sb.append("\\u"), Integer.toHexString(cp), 4);
            } else {
                pad(sb.append("\\U"), Integer.toHexString(cp), 8);
            }
        }
        return sb.toString();
    }

    /*
     * Digits by hand, not String.format: java.util.Formatter loads the locale's number symbols, which runs String
     * code on non-Latin-1 text. Done inside the program's JVM, that marks String.charAt's UTF-16 branch as taken for
     * the whole JVM, and C2 then keeps a call in every charAt loop of the program (docs/architecture.md;
     * AgentFootprintIT guards it).
     */
    private void padded(String digits, int width) {
        pad(out, digits, width);
    }

    private static StringBuilder pad(StringBuilder sb, String digits, int width) {
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}
