package io.jfrtrace.cli.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jfrtrace.schema.StackFrames;

/**
 * What jfr-trace needs from HotSpot's {@code hs_err_pid<pid>.log}: the signal ({@code #  SIGSEGV (0xb) at pc=...}),
 * the crashing thread's name ({@code Current thread (0x...):  JavaThread "main" ...}), its Java frames (the
 * {@code Java frames:} section, without line numbers) and the native frames above the first Java frame.
 */
record HsErrLog(String signal, String headline, String threadName, List<String> javaFrames, List<String> nativeFrames) {
    private static final Pattern SIGNAL = Pattern.compile("^#\\s+(SIG[A-Z]+)\\b");
    private static final Pattern THREAD = Pattern.compile("^Current thread \\([^)]*\\):\\s+\\w*Thread \"(.*)\"");
    private static final Pattern NATIVE = Pattern.compile("^[CV]\\s+\\[([^\\]+]+)[^\\]]*\\]\\s+(\\S.*?)(?:\\+0x[0-9a-f]+)?$");
    static final int MAX_NATIVE = 10;

    static HsErrLog read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
    }

    static HsErrLog parse(List<String> lines) {
        String signal = null;
        String headline = null;
        String thread = null;
        List<String> java = new ArrayList<>();
        List<String> javaInNative = new ArrayList<>(); // when there is no "Java frames:" section
        List<String> nat = new ArrayList<>();
        String section = "";
        boolean nativeTop = true;
        for (String l : lines) {
            if (headline == null && l.startsWith("#")) {
                String t = l.substring(1).trim();
                if (t.startsWith("SIG") || t.startsWith("EXCEPTION_") || t.startsWith("Internal Error")
                        || t.startsWith("Out of Memory") || t.startsWith("There is insufficient memory")) {
                    int comma = t.indexOf(", pid=");
                    headline = comma > 0 ? t.substring(0, comma) : t;
                    Matcher m = SIGNAL.matcher(l);
                    signal = m.find() ? m.group(1) : null;
                }
                continue;
            }
            if (thread == null) {
                Matcher m = THREAD.matcher(l);
                if (m.find()) {
                    thread = m.group(1);
                    continue;
                }
            }
            if (l.startsWith("Native frames:")) {
                section = "native";
                continue;
            }
            if (l.startsWith("Java frames:")) {
                section = "java";
                continue;
            }
            if (l.isEmpty() || l.startsWith("---")) {
                section = "";
                continue;
            }
            if (section.equals("java")) {
                String f = CrashFrames.hsErrFrame(l);
                if (f != null) {
                    java.add(f);
                }
            } else if (section.equals("native")) {
                String f = CrashFrames.hsErrFrame(l);
                if (f != null) {
                    javaInNative.add(f);
                }
                if (!nativeTop) {
                    continue;
                }
                Matcher m = NATIVE.matcher(l);
                if (m.find() && nat.size() < MAX_NATIVE) {
                    nat.add(StackFrames.frame(m.group(1), StackFrames.UNKNOWN_LINE, m.group(2)));
                } else if (!l.startsWith("C ") && !l.startsWith("V ")) {
                    nativeTop = false; // the first Java (or stub) frame ends the native top of the stack
                }
            }
        }
        return new HsErrLog(signal, headline, thread, List.copyOf(java.isEmpty() ? javaInNative : java), List.copyOf(nat));
    }

    /** faulthandler's name for a fatal signal (cpython-formats.md 5.2), or null. */
    static String faulthandlerName(String signal) {
        if (signal == null) {
            return null;
        }
        return switch (signal) {
            case "SIGSEGV" -> "Segmentation fault";
            case "SIGBUS" -> "Bus error";
            case "SIGILL" -> "Illegal instruction";
            case "SIGFPE" -> "Floating point exception";
            case "SIGABRT" -> "Aborted";
            default -> null;
        };
    }
}
