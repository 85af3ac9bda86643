package io.jfrtrace.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code frames} field of {@code jfrtrace.ThreadStack}: most recent first, one frame a line ({@code \n}), each
 * {@code file\tline\tfunction} with names as {@link FrameNames} gives them and line {@code -1} when unknown.
 */
public final class StackFrames {
    /** The line of a frame whose line is not known. */
    public static final int UNKNOWN_LINE = -1;
    /** Written for a function that is not known; printed as it is, as faulthandler prints a missing name. */
    public static final String UNKNOWN_FUNCTION = "???";

    /** Makes a reader's own frame type from a decoded frame. */
    @FunctionalInterface
    public interface Factory<T> {
        T frame(String file, int line, String function);
    }

    private StackFrames() {
    }

    /** One frame's line, without the separator. */
    public static String frame(String file, int line, String function) {
        return append(new StringBuilder(), file, line, function).toString();
    }

    /** Appends one frame, after a separator when {@code sb} holds frames already. */
    public static StringBuilder append(StringBuilder sb, String file, int line, String function) {
        if (sb.length() > 0) {
            sb.append('\n');
        }
        return sb.append(file).append('\t').append(line < 0 ? UNKNOWN_LINE : line).append('\t')
                .append(function == null ? UNKNOWN_FUNCTION : function);
    }

    /** The field for a live stack, most recent first. */
    public static String encode(StackTraceElement[] frames) {
        StringBuilder sb = new StringBuilder(frames.length * 64);
        for (StackTraceElement e : frames) {
            append(sb, FrameNames.file(e), e.getLineNumber(), FrameNames.function(e));
        }
        return sb.toString();
    }

    /** The field for frames already encoded one by one ({@link #frame}). */
    public static String join(List<String> frames) {
        return String.join("\n", frames);
    }

    /**
     * The frames of a field, most recent first. A line without two tabs is a file alone (line unknown, function
     * null); a line that is not a number is unknown; empty lines are skipped.
     */
    public static <T> List<T> decode(String field, Factory<T> factory) {
        List<T> out = new ArrayList<>();
        if (field == null || field.isEmpty()) {
            return out;
        }
        for (String line : field.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int t1 = line.indexOf('\t');
            int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
            if (t2 < 0) {
                out.add(factory.frame(line, UNKNOWN_LINE, null));
                continue;
            }
            int lineNo;
            try {
                lineNo = Integer.parseInt(line.substring(t1 + 1, t2).trim());
            } catch (NumberFormatException bad) {
                lineNo = UNKNOWN_LINE;
            }
            out.add(factory.frame(line.substring(0, t1), lineNo, line.substring(t2 + 1)));
        }
        return out;
    }
}
