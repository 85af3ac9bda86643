package io.jfrtrace.runtime;

/**
 * Each thread's own state for the hooks, found on every call. A {@link ThreadLocal} lookup is about five dependent
 * loads (the thread's map, its table, the entry, the entry's referent check, the value): on H2's 422 M calls under
 * {@code --timer count} it was about 7 % of the CPU (docs/architecture.md). Here a thread finds its state in a slot
 * chosen by its id: the slot, then the slot's thread (compared with the current one, so that even a subclass's
 * own {@code getId} cannot hand one thread another's state) and value. A slot is immutable, so a racing reader sees
 * all of it or none of it. The ThreadLocal stays behind the table: it creates the state once per thread and serves
 * threads whose slot another thread holds; the slot of a thread whose state is forgotten (dead and flushed) is
 * freed for the next.
 */
final class PerThread<T> {
    /** A power of two: at most this many threads have a slot at once (about 16 KB of references). */
    private static final int SLOTS = 1 << 12;

    private static final class Slot<T> {
        final Thread owner;
        final T value;

        Slot(Thread owner, T value) {
            this.owner = owner;
            this.value = value;
        }
    }

    @SuppressWarnings("unchecked")
    private final Slot<T>[] slots = (Slot<T>[]) new Slot<?>[SLOTS];
    private final ThreadLocal<T> created;

    /** {@code created}: the state's source, whose {@code initialValue} makes (and registers) a thread's state. */
    PerThread(ThreadLocal<T> created) {
        this.created = created;
    }

    /** The calling thread's state, made at its first call. */
    T get() {
        Thread t = Thread.currentThread();
        Slot<T> s = slots[(int) t.getId() & (SLOTS - 1)];
        if (s != null && s.owner == t) {
            return s.value;
        }
        return miss(t);
    }

    private T miss(Thread t) {
        T value = created.get();
        int i = (int) t.getId() & (SLOTS - 1);
        if (slots[i] == null) { // a race may give the slot to another thread: this one is then served here
            slots[i] = new Slot<>(t, value);
        }
        return value;
    }

    /** Frees the slot holding {@code value} (its thread is dead and its state flushed): for another thread. */
    void forget(T value) {
        for (int i = 0; i < SLOTS; i++) {
            Slot<T> s = slots[i];
            if (s != null && s.value == value) {
                slots[i] = null;
            }
        }
    }
}
