package io.jfrtrace.analyzer.trace;

import java.util.Comparator;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.python.PyStr;

/**
 * A function as trace's {@code file_module_function_of} names it: {@code (filename, modulename, funcname)}, the module
 * being {@code _modname(filename)} and the function {@code Class.method}. Ordered as Python orders the tuple.
 */
public record TracedFunction(String filename, String modulename, String funcname) implements Comparable<TracedFunction> {
    static final Comparator<TracedFunction> TUPLE_ORDER = Comparator
            .comparing(TracedFunction::filename, PyStr.CODE_POINT_ORDER)
            .thenComparing(TracedFunction::modulename, PyStr.CODE_POINT_ORDER)
            .thenComparing(TracedFunction::funcname, PyStr.CODE_POINT_ORDER);

    /** The profile's function as trace names it: the recorded file, its module, the pstats name ({@code Class.method}). */
    public static TracedFunction of(FunctionKey f) {
        return new TracedFunction(f.file(), ModuleNames.modname(f.file()), f.name());
    }

    @Override
    public int compareTo(TracedFunction o) {
        return TUPLE_ORDER.compare(this, o);
    }
}
