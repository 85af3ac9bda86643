package io.jfrtrace.analyzer.faulthandler;

/**
 * One frame of a thread's stack: {@code file} as the package implies it ({@code com/example/Hang.java}),
 * {@code line} ({@code -1} when unknown, printed {@code ???}), {@code function} as {@code stats} names it
 * ({@code Hang.lockBoth}). A null file or function prints as {@code ???}, like a non-str in CPython.
 */
public record StackFrame(String file, int line, String function) {
}
