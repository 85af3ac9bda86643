package io.jfrtrace.cli.record;

import io.jfrtrace.analyzer.faulthandler.StackFrame;
import io.jfrtrace.schema.FrameNames;
import io.jfrtrace.schema.StackFrames;

/** Frames of crash sources (the native agent's file, hs_err) as jfrtrace.ThreadStack encodes them ({@link StackFrames}). */
final class CrashFrames {
    private CrashFrames() {
    }

    /** One frame of a class given by its binary name ({@code com.example.Outer$Inner}), named by {@link FrameNames}. */
    static String frame(String className, String sourceFile, int line, String method) {
        return StackFrames.frame(FrameNames.file(className, sourceFile), line, FrameNames.function(className, method));
    }

    /** A frame another reader gave (the emergency dump's), encoded. */
    static String encode(StackFrame f) {
        return StackFrames.frame(f.file(), f.line(), f.function());
    }

    /** The binary name of a JVM class signature: {@code Lcom/example/Foo$Bar;} gives {@code com.example.Foo$Bar}. */
    static String classOfSignature(String sig) {
        String s = sig;
        if (s.startsWith("L") && s.endsWith(";")) {
            s = s.substring(1, s.length() - 1);
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) { // hidden classes: com/x/Foo$$Lambda.0x1 is com.x.Foo$$Lambda/0x1
            b.append(c == '/' ? '.' : c == '.' ? '/' : c);
        }
        return b.toString();
    }

    /** A frame of hs_err's {@code Java frames:} section, or null for a line that is not a Java method. */
    static String hsErrFrame(String line) {
        if (line.length() < 3 || (line.charAt(0) != 'j' && line.charAt(0) != 'J') || line.charAt(1) != ' ') {
            return null;
        }
        for (String token : line.substring(2).trim().split("\\s+")) {
            int paren = token.indexOf('(');
            if (paren > 0) {
                String qualified = token.substring(0, paren); // com.example.Crash.poke
                int dot = qualified.lastIndexOf('.');
                if (dot <= 0) {
                    return null;
                }
                return frame(qualified.substring(0, dot), null, -1, qualified.substring(dot + 1));
            }
        }
        return null;
    }
}
