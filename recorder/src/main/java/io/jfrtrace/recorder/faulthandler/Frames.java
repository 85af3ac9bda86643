package io.jfrtrace.recorder.faulthandler;

/** Names frames the way pstats names functions: {@code com/example/Hang.java}, {@code Hang.lockBoth}. */
public final class Frames {
    private Frames() {
    }

    /** The source path as the package implies it; the outer class name + .java when the class has no SourceFile. */
    public static String file(StackTraceElement e) {
        String cls = e.getClassName();
        int dot = cls.lastIndexOf('.');
        String pkg = dot < 0 ? "" : cls.substring(0, dot + 1).replace('.', '/');
        String src = e.getFileName();
        if (src == null || src.isEmpty()) {
            String simple = cls.substring(dot + 1);
            int dollar = simple.indexOf('$');
            if (dollar > 0) {
                simple = simple.substring(0, dollar);
            }
            int slash = simple.indexOf('/'); // hidden classes: Foo$$Lambda/0x...
            if (slash > 0) {
                simple = simple.substring(0, slash);
            }
            src = simple + ".java";
        }
        return pkg + src;
    }

    /** {@code Class.method} with the simple binary class name ({@code Outer$Inner.<init>}). */
    public static String function(StackTraceElement e) {
        String cls = e.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + e.getMethodName();
    }

    /** The line, -1 when unknown (native methods report -2). */
    public static int line(StackTraceElement e) {
        return e.getLineNumber() < 0 ? -1 : e.getLineNumber();
    }

    /** The {@code frames} field of {@code jfrtrace.ThreadStack}: {@code file\tline\tfunction} lines. */
    public static String encode(StackTraceElement[] frames) {
        StringBuilder sb = new StringBuilder(frames.length * 64);
        for (int i = 0; i < frames.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(file(frames[i])).append('\t').append(line(frames[i])).append('\t').append(function(frames[i]));
        }
        return sb.toString();
    }
}
