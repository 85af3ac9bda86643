package io.jfrtrace.analyzer.pstats;

import io.jfrtrace.analyzer.python.PyStr;

import java.util.Comparator;
import java.util.Objects;

/** A profile key {@code (filename, lineno, funcname)}, as in pstats. Built-ins use {@code ("~", 0, label)}. */
public record FunctionKey(String file, int line, String name) implements Comparable<FunctionKey> {

    /** Python tuple order: file, line, name; strings by code point. */
    public static final Comparator<FunctionKey> TUPLE_ORDER = (a, b) -> {
        int c = PyStr.compare(a.file, b.file);
        if (c != 0) return c;
        c = Integer.compare(a.line, b.line);
        if (c != 0) return c;
        return PyStr.compare(a.name, b.name);
    };

    public FunctionKey {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
    }

    /** The key of a built-in (C / native) function: {@code ("~", 0, label)}. */
    public static FunctionKey builtin(String label) {
        return new FunctionKey("~", 0, label);
    }

    /** pstats' {@code func_std_string}. */
    public String stdName() {
        if (line == 0 && file.equals("~")) {
            if (name.startsWith("<") && name.endsWith(">") && name.length() >= 1) {
                // name[1:-1]; for "<" alone Python gives "" (both slices overlap)
                return "{" + (name.length() >= 2 ? name.substring(1, name.length() - 1) : "") + "}";
            }
            return name;
        }
        return file + ":" + line + "(" + name + ")";
    }

    /** pstats' {@code func_strip_path}: {@code os.path.basename} (POSIX) of the file. */
    public FunctionKey stripPath() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? this : new FunctionKey(file.substring(slash + 1), line, name);
    }

    // equals and hashCode by hand, with the values the record's own would give: a record's generated ones are
    // bootstrapped through method handles at their first call, about 10 ms of every command's start-up
    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionKey k && line == k.line && file.equals(k.file) && name.equals(k.name);
    }

    @Override
    public int hashCode() {
        return (file.hashCode() * 31 + line) * 31 + name.hashCode();
    }

    @Override
    public int compareTo(FunctionKey o) {
        return TUPLE_ORDER.compare(this, o);
    }
}
