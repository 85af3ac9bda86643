package io.jfrtrace.runtime;

/**
 * Each thread's own state for the hooks, found on every call. A {@link ThreadLocal} lookup is about five dependent
 * loads (the thread's map, its table, the entry, the entry's referent check, the value): on H2's 422 M calls under
 * {@code --timer count} it was about 7 % of the CPU (async-profiler, docs/architecture.md "The hooks' thread
 * lookup"). Here a thread finds its state in a slot chosen by its id: the id, the slot, and the slot's id and value.
 * Thread ids are never reused (a counter), so the slot's id alone says whose it is, and a slot is
 * immutable, so a racing reader sees all of it or none of it. The ThreadLocal stays behind the table: it creates
 * the state once per thread and serves threads whose slot another thread holds; the slot of a thread whose state
 * is forgotten (dead and flushed) is freed for the next.
 */
final class PerThread<T> {
    /** A power of two: at most this many threads have a slot at once (about 16 KB of references). */
    private static final int SLOTS = 1 << 12;

    private static final class Slot<T> {
        final long id;
        final T value;

        Slot(long id, T value) {
            this.id = id;
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
        long id = Thread.currentThread().getId();
        Slot<T> s = slots[(int) id & (SLOTS - 1)];
        if (s != null && s.id == id) {
            return s.value;
        }
        return miss(id);
    }

    private T miss(long id) {
        T value = created.get();
        int i = (int) id & (SLOTS - 1);
        if (slots[i] == null) { // a race may give the slot to another thread: that one is then served here
            slots[i] = new Slot<>(id, value);
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
