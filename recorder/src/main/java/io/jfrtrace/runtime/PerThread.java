package io.jfrtrace.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Each thread's own state for the hooks, found on every call. A {@link ThreadLocal} lookup is about five dependent
 * loads (the thread's map, its table, the entry, the entry's referent check, the value): on H2's 422 M calls under
 * {@code --timer count} it was about 7 % of the CPU (docs/architecture.md). Here a thread finds its state in a slot
 * chosen by its id: the slot, then the slot's thread (compared with the current one, so that even a subclass's
 * own {@code getId} cannot hand one thread another's state) and value. A slot is immutable, so a racing reader sees
 * all of it or none of it. The ThreadLocal stays behind the table: it creates the state once per thread and serves
 * threads whose slot another thread holds; the slot of a thread whose state is forgotten (dead and flushed) is
 * freed for the next. Every state made stays listed, live and dead threads', until it is removed: the flusher's
 * view.
 */
abstract class PerThread<T> {
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
    private final List<T> all = new ArrayList<>();
    private final ThreadLocal<T> created = new ThreadLocal<T>() {
        @Override
        protected T initialValue() {
            T value = make(Thread.currentThread());
            synchronized (all) {
                all.add(value);
            }
            return value;
        }
    };
    /** Calls not served by a slot (racy: a count for tests, on the slow path only). */
    int misses;

    /** A thread's state, made at its first call. */
    protected abstract T make(Thread owner);

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
        misses++;
        T value = created.get();
        int i = (int) t.getId() & (SLOTS - 1);
        if (slots[i] == null) { // a race may give the slot to another thread: this one is then served here
            slots[i] = new Slot<>(t, value);
        }
        return value;
    }

    /** A copy of the list of every state made and not removed (live and dead threads'). */
    List<T> all() {
        synchronized (all) {
            return new ArrayList<>(all);
        }
    }

    /** Forgets {@code value} (its thread is dead and its state flushed): off the list, its slot free for another. */
    void remove(T value) {
        synchronized (all) {
            all.remove(value);
        }
        for (int i = 0; i < SLOTS; i++) {
            Slot<T> s = slots[i];
            if (s != null && s.value == value) {
                slots[i] = null;
            }
        }
    }
}
