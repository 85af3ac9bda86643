package io.jfrtrace.api;

/**
 * Consumes values so that the JIT cannot remove the code that computed them. Each {@code consume} compares its
 * argument with two {@code volatile} fields that never hold the same value and writes only when it equals both,
 * which cannot happen: but the compiler must read the fields on every call (volatile reads are never folded or
 * hoisted out of a loop), so it cannot prove the branch dead, so it must compute the value. The cost is two loads and
 * a compare per call, the same for every statement, and no store. Objects are compared by identity with a private
 * object nobody else can hold.
 */
public final class Blackhole {
    private volatile int int1 = 1;
    private volatile int int2 = 2;
    private volatile long long1 = 1;
    private volatile long long2 = 2;
    private volatile double double1 = 1;
    private volatile double double2 = 2;
    private volatile Object never = new Object();
    /** Written only in the impossible case, so that the branch has an effect the compiler must keep. */
    private volatile Object leak;

    public void consume(Object value) {
        if (value == never) {
            leak = value;
        }
    }

    public void consume(int value) {
        if (value == int1 & value == int2) {
            leak = this;
        }
    }

    public void consume(long value) {
        if (value == long1 & value == long2) {
            leak = this;
        }
    }

    public void consume(double value) {
        if (value == double1 & value == double2) {
            leak = this;
        }
    }

    /** {@code float}, {@code byte}, {@code short} and {@code char} widen to these; a boolean is one of two ints. */
    public void consume(boolean value) {
        consume(value ? 1 : 0);
    }

    public void consume(float value) {
        consume((double) value);
    }
}
