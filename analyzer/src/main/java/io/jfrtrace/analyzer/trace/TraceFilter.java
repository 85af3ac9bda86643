package io.jfrtrace.analyzer.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which files a line report leaves out: trace's {@code --ignore-module} (the module or any module under it, by the
 * file's dotted name) and {@code --ignore-dir} (a file whose path lies under the folder), plus {@code record}'s
 * {@code --include}/{@code --exclude} globs ({@code *} any characters, {@code ?} one) on the file's dotted name, its
 * top-level class.
 */
public final class TraceFilter {
    private final List<String> modules = new ArrayList<>();
    private final List<String> dirs = new ArrayList<>();
    private final List<Pattern> includes = new ArrayList<>();
    private final List<Pattern> excludes = new ArrayList<>();

    /** {@code --ignore-module}: comma-separated module names, each stripped, as CPython splits them. */
    public TraceFilter ignoreModules(List<String> values) {
        for (String v : values) {
            for (String m : v.split(",", -1)) {
                modules.add(m.strip());
            }
        }
        return this;
    }

    /** {@code --ignore-dir}: folders joined by {@code :} (os.pathsep), each made absolute and normalised. */
    public TraceFilter ignoreDirs(List<String> values) {
        for (String v : values) {
            for (String d : v.split(":", -1)) {
                dirs.add(Path.of(d).toAbsolutePath().normalize().toString());
            }
        }
        return this;
    }

    public TraceFilter include(List<String> globs) {
        globs.forEach(g -> includes.add(glob(g)));
        return this;
    }

    public TraceFilter exclude(List<String> globs) {
        globs.forEach(g -> excludes.add(glob(g)));
        return this;
    }

    /**
     * Whether the recorded {@code file} ({@code com/example/Demo.java}), found at {@code source} (null: not found, so
     * in no folder), is left out.
     */
    public boolean ignores(String file, Path source) {
        String module = ModuleNames.fullmodname(file);
        for (String m : modules) {
            // "cmp" must not ignore "cmpcache", but "Spam" ignores "Spam.Eggs" (trace's _Ignore)
            if (module.equals(m) || module.startsWith(m + ".")) {
                return true;
            }
        }
        String path = source == null ? null : source.toAbsolutePath().normalize().toString();
        for (String d : dirs) {
            if (path != null && path.startsWith(d + "/")) { // d + os.sep: /usr/local does not hold /usr/local.py
                return true;
            }
        }
        if (!includes.isEmpty() && includes.stream().noneMatch(p -> p.matcher(module).matches())) {
            return true;
        }
        return excludes.stream().anyMatch(p -> p.matcher(module).matches());
    }

    /** record's class-name glob: {@code *} any characters (dots included), {@code ?} one. */
    private static Pattern glob(String g) {
        StringBuilder sb = new StringBuilder();
        for (char c : g.toCharArray()) {
            sb.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }
}
