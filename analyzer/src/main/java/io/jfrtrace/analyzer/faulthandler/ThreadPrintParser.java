package io.jfrtrace.analyzer.faulthandler;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jfrtrace.schema.FrameNames;

/**
 * Reads the text of a HotSpot thread dump ({@code jcmd PID Thread.print}, {@code jstack}, the {@code result} of a stock
 * {@code jdk.ThreadDump} event) into {@link ThreadStack}s. Only Java threads (a {@code #id} after the name) are kept;
 * the VM's own threads ({@code "VM Thread" os_prio=0 ...}) have no Java frames and no Java id, as faulthandler shows
 * only the interpreter's threads.
 *
 * <p>A frame {@code at pkg.Outer$Inner.method(java.base@17/File.java:12)} becomes file {@code pkg/File.java}, line
 * 12, function {@code Outer$Inner.method}; {@code Native Method}, {@code Unknown Source} and a source without a
 * line give line -1, and without a file name the file is guessed from the top-level class ({@code pkg/Outer.java}).
 */
public final class ThreadPrintParser {
    private static final Pattern THREAD = Pattern.compile("^\"(.*)\" #(\\d+)\\b.*$");
    private static final Pattern STATE = Pattern.compile("^\\s+java\\.lang\\.Thread\\.State: (\\S+).*$");
    private static final Pattern FRAME = Pattern.compile("^\\s+at (.+)\\((.*)\\)\\s*$");

    private ThreadPrintParser() {
    }

    /** Every Java thread of the dump text, in the order the text lists them. */
    public static List<ThreadStack> parse(String text) {
        List<ThreadStack> out = new ArrayList<>();
        String name = null;
        long id = 0;
        String state = null;
        List<StackFrame> frames = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.startsWith("\"")) {
                if (name != null) {
                    out.add(new ThreadStack(id, name, state, false, frames));
                }
                name = null;
                frames = new ArrayList<>();
                state = null;
                Matcher m = THREAD.matcher(line);
                if (m.matches()) {
                    name = m.group(1);
                    id = Long.parseLong(m.group(2));
                }
                continue;
            }
            if (name == null) {
                continue;
            }
            Matcher s = STATE.matcher(line);
            if (s.matches() && state == null) {
                state = s.group(1);
                continue;
            }
            Matcher f = FRAME.matcher(line);
            if (f.matches()) {
                frames.add(frame(f.group(1), f.group(2)));
            }
        }
        if (name != null) {
            out.add(new ThreadStack(id, name, state, false, frames));
        }
        return out;
    }

    /** {@code pkg.Outer$Inner.method} and {@code module@version/File.java:12} as a frame. */
    static StackFrame frame(String qualifiedMethod, String source) {
        int dot = qualifiedMethod.lastIndexOf('.');
        String className = dot < 0 ? "" : qualifiedMethod.substring(0, dot);
        String method = qualifiedMethod.substring(dot + 1);
        String fileName = null;
        int line = -1;
        int slash = source.lastIndexOf('/');
        String src = slash < 0 ? source : source.substring(slash + 1);
        if (!src.equals("Native Method") && !src.equals("Unknown Source") && !src.isEmpty()) {
            int colon = src.lastIndexOf(':');
            if (colon > 0 && isDigits(src.substring(colon + 1))) {
                fileName = src.substring(0, colon);
                line = Integer.parseInt(src.substring(colon + 1));
            } else {
                fileName = src;
            }
        }
        return javaFrame(className, method, fileName, line);
    }

    /**
     * A Java frame named as jfr-trace names frames ({@link FrameNames}).
     *
     * @param className binary class name, dotted ({@code com.example.Outer$Inner}); hidden-class suffixes are kept
     * @param fileName  the source file's name ({@code Outer.java}) or null if unknown
     */
    public static StackFrame javaFrame(String className, String method, String fileName, int line) {
        return new StackFrame(FrameNames.file(className, fileName), line, FrameNames.function(className, method));
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
