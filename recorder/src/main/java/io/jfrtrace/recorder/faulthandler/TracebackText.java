package io.jfrtrace.recorder.faulthandler;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.jfrtrace.schema.text.FaulthandlerText;

/** The agent's live dumps as faulthandler's text ({@link FaulthandlerText}), from the stacks a dump captured. */
public final class TracebackText {
    private TracebackText() {
    }

    /** {@code Timeout (H:MM:SS)!} or {@code Timeout (H:MM:SS.ffffff)!}, with its newline. */
    public static String timeoutHeader(long micros) {
        return new FaulthandlerText(new StringBuilder()).timeoutHeader(micros).toString();
    }

    /** {@code Fatal JVM error: DETAIL} and an empty line. */
    public static String fatalHeader(String detail) {
        return new FaulthandlerText(new StringBuilder()).fatalHeader(detail).toString();
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
        FaulthandlerText text = new FaulthandlerText(sb);
        if (!allThreads) {
            text.stack();
            for (ThreadStack t : threads) {
                if (t.current()) {
                    text.frames(t.frames());
                    break;
                }
            }
        } else {
            for (ThreadStack t : threads) {
                if (!text.thread(t.current(), t.id(), t.name())) {
                    break;
                }
                text.frames(t.frames());
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** faulthandler's form of a string: ASCII, escaped, cut at 500 code points. */
    public static String escape(String s) {
        return FaulthandlerText.escape(s, FaulthandlerText.MAX_STRING);
    }
}
