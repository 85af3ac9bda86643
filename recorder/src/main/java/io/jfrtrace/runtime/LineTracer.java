package io.jfrtrace.runtime;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * {@code trace --trace}: prints each call and each executed line of the instrumented classes as it happens, in
 * python -m trace's layout. The text of every call and line is made when the class is instrumented and handed over as
 * a constant ({@link #text} only for a text too long for a class-file constant), so a line costs one print.
 *
 * <p>Each line is one {@code print} on the {@code System.out} of the moment, as CPython prints to the
 * {@code sys.stdout} of the moment: it interleaves with the program's own output in the order they happen, and
 * {@code PrintStream} writes one call whole, so lines of several threads never tear (CPython prints the {@code -g}
 * prefix with a print of its own). While a thread prints, its own lines are not traced (a program's own PrintStream,
 * instrumented, would otherwise trace itself forever), as CPython does not trace its trace function.
 */
public final class LineTracer {
    private static final ThreadLocal<boolean[]> PRINTING = new ThreadLocal<boolean[]>() {
        @Override
        protected boolean[] initialValue() {
            return new boolean[1];
        }
    };
    private static volatile boolean timing;
    private static volatile long start;
    private static String[] texts = new String[0];
    private static int textCount;

    private LineTracer() {
    }

    /** Starts the clock of {@code -g} (CPython's starts when its Trace is made, before the program runs). */
    public static void start(boolean withTiming) {
        start = System.nanoTime();
        timing = withTiming;
    }

    /** A call: {@code " --- modulename: M, funcname: F\n"}. */
    public static void call(String text) {
        print(text);
    }

    /** A line that starts executing: {@code "File.java(N): source line\n"} (without a line end when no source). */
    public static void line(String text) {
        print(timing ? prefix(System.nanoTime() - start) + text : text);
    }

    /** Keeps a text too long to be a constant in the instrumented class; {@link #text} returns it. */
    public static synchronized int register(String text) {
        if (textCount == texts.length) {
            texts = Arrays.copyOf(texts, Math.max(16, 2 * textCount));
        }
        texts[textCount] = text;
        return textCount++;
    }

    public static synchronized String text(int id) {
        return texts[id];
    }

    /**
     * CPython's {@code '%.2f ' % seconds}, seconds the double {@code nanos / 1e9}: its exact binary value rounded half
     * to even, as Python's %-formatting rounds (String.format rounds otherwise, and the agent does not use it).
     */
    static String prefix(long nanos) {
        return new BigDecimal(nanos / 1e9).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " ";
    }

    private static void print(String text) {
        boolean[] printing = PRINTING.get();
        if (printing[0]) {
            return;
        }
        PrintStream out = System.out;
        if (out == null) {
            return;
        }
        printing[0] = true;
        try {
            out.print(text);
        } finally {
            printing[0] = false;
        }
    }
}
