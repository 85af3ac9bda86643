package io.jfrtrace.runtime;

/**
 * One thread's counts of one class, as a woven class caches them in its static holder field ({@code record} mode,
 * see LineCountWeaver): the prologue reads the field once and uses {@link #counts} only when {@link #owner} is the
 * current thread. Immutable, and one reference: a thread that races another over the field reads either holder
 * whole, so it never increments another thread's array. Public final fields, not a record: woven code reads them
 * with a plain getfield (a record's accessor is a call, paid in the interpreter).
 */
public final class LineHolder {
    public final Thread owner;
    public final long[] counts;

    LineHolder(Thread owner, long[] counts) {
        this.owner = owner;
        this.counts = counts;
    }
}
