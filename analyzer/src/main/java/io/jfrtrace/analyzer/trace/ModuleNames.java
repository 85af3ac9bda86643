package io.jfrtrace.analyzer.trace;

/** trace.py's {@code _modname} and {@code _fullmodname}, for a file named relative to its source root. */
public final class ModuleNames {
    private ModuleNames() {
    }

    /** The base name without its extension: {@code com/example/Demo.java} → {@code Demo}. */
    public static String modname(String file) {
        return stripExtension(file.substring(file.lastIndexOf('/') + 1));
    }

    /**
     * The path as a dotted name without the extension (CPython takes it relative to the longest {@code sys.path}
     * entry; a recorded file is already relative to its source root): {@code com/example/Demo.java} →
     * {@code com.example.Demo}.
     */
    public static String fullmodname(String file) {
        String dotted = stripExtension(file.replace('/', '.'));
        int i = 0;
        while (i < dotted.length() && dotted.charAt(i) == '.') {
            i++;
        }
        return dotted.substring(i);
    }

    /** {@code os.path.splitext}'s root: the last dot, unless it only leads the last component. */
    private static String stripExtension(String path) {
        int dot = path.lastIndexOf('.');
        int sep = path.lastIndexOf('/');
        int start = sep + 1;
        while (start < path.length() && path.charAt(start) == '.') {
            start++;
        }
        return dot >= start ? path.substring(0, dot) : path;
    }
}
