package io.jfrtrace.api;

/**
 * Consumes values so that the JIT cannot remove the code that computed them. Each primitive {@code consume} compares
 * its argument with two {@code volatile} fields that never hold the same value and writes only when it equals both,
 * which cannot happen: but the compiler must read the fields on every call (volatile reads are never folded or
 * hoisted out of a loop), so it cannot prove the branch dead, so it must compute the value. The cost is two loads and
 * a compare per call, the same for every statement, and no store. An object is written to a field now and then
 * instead ({@link #consume(Object)}): a comparison would not keep its allocation.
 */
public final class Blackhole {
    private volatile int int1 = 1;
    private volatile int int2 = 2;
    private volatile long long1 = 1;
    private volatile long long2 = 2;
    private volatile double double1 = 1;
    private volatile double double2 = 2;
    /** Written only in the impossible case (primitives) or now and then (objects): an effect the compiler must keep. */
    private volatile Object leak;
    private int calls;
    private int rarity = 1;

    /**
     * An object must escape for real: the compiler knows a new object can equal no field's, so the comparison the
     * primitives use would let it drop the allocation (scalar replacement). It is written to {@code leak} on a path
     * that runs, at calls 2, 4, 8, 16, ... and so more and more rarely, so the compiler keeps that path and must make
     * the object; between those calls the cost is a counter and a mask in registers.
     */
    public void consume(Object value) {
        if ((++calls & rarity) == 0) {
            leak = value;
            rarity = rarity << 1 | 1;
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
