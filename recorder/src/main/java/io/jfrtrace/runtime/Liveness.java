package io.jfrtrace.runtime;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Arrays;

/**
 * Which traced objects are still alive: one weak reference ({@link AllocSample}) per object in exact
 * mode, per sample otherwise, chained in buckets by identity hash (which keeps the references
 * reachable, so the GC enqueues them). A reaper thread forgets the samples the GC cleared; a snapshot
 * sweeps the rest. Per traceback it keeps the live weight and the weight of every sample ever taken
 * (dead ones too), whose ratio is the survival estimate; and the traced current and peak bytes.
 *
 * <p>A generation starts at each {@code clear}: a sample of an older one is ignored when it dies,
 * and {@code base} holds the allocated totals at that moment (they are cleared with the live data,
 * under the same lock, so a snapshot never sees one without the other).
 */
final class Liveness {
    private static final Object LOCK = new Object();
    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    private static AllocSample[] buckets = new AllocSample[1024];
    private static int samples;
    private static long[] liveBytes = new long[256];
    private static double[] liveCount = new double[256];
    private static long[] sampledBytes = new long[256];
    private static double[] sampledCount = new double[256];
    private static long current;
    private static long peak;
    private static int generation;
    private static long[] base = new long[0];

    private Liveness() {
    }

    /** The weights per traceback, the traced bytes and the base totals at one moment. */
    record View(long[] liveBytes, double[] liveCount, long[] sampledBytes, double[] sampledCount, long current,
                long peak, long[] base) {
    }

    static void startReaper() {
        Thread reaper = new Thread(Liveness::reap, "jfr-trace alloc reaper");
        reaper.setDaemon(true);
        reaper.start();
    }

    /** Watches {@code o}, which stands for {@code bytes} and {@code count} objects of traceback {@code tb}. */
    static void track(Object o, int tb, long bytes, double count) {
        int h = System.identityHashCode(o);
        synchronized (LOCK) {
            AllocSample s = new AllocSample(o, QUEUE, tb, bytes, count, h, generation);
            AllocSample[] b = buckets;
            int i = h & (b.length - 1);
            s.next = b[i];
            b[i] = s;
            if (++samples > 2 * b.length) {
                rehashBuckets();
            }
            if (tb >= liveBytes.length) {
                int n = liveBytes.length;
                while (n <= tb) {
                    n *= 2;
                }
                liveBytes = Arrays.copyOf(liveBytes, n);
                liveCount = Arrays.copyOf(liveCount, n);
                sampledBytes = Arrays.copyOf(sampledBytes, n);
                sampledCount = Arrays.copyOf(sampledCount, n);
            }
            liveBytes[tb] += bytes;
            liveCount[tb] += count;
            sampledBytes[tb] += bytes;
            sampledCount[tb] += count;
            long c = current += bytes;
            if (c > peak) {
                peak = c;
            }
        }
    }

    private static void rehashBuckets() {
        AllocSample[] old = buckets;
        AllocSample[] b = new AllocSample[old.length * 2];
        int mask = b.length - 1;
        for (AllocSample head : old) {
            for (AllocSample s = head; s != null;) {
                AllocSample nx = s.next;
                int i = s.hash & mask;
                s.next = b[i];
                b[i] = s;
                s = nx;
            }
        }
        buckets = b;
    }

    /** Forgets a sample whose object died (caller holds LOCK). */
    private static void untrackLocked(AllocSample s) {
        if (s.dead || s.generation != generation) {
            return;
        }
        s.dead = true;
        AllocSample[] b = buckets;
        int i = s.hash & (b.length - 1);
        AllocSample prev = null;
        for (AllocSample x = b[i]; x != null; prev = x, x = x.next) {
            if (x == s) {
                if (prev == null) {
                    b[i] = x.next;
                } else {
                    prev.next = x.next;
                }
                break;
            }
        }
        samples--;
        liveBytes[s.traceback] -= s.bytes;
        liveCount[s.traceback] -= s.count;
        current -= s.bytes;
    }

    private static void reap() {
        while (true) {
            try {
                Reference<?> r = QUEUE.remove();
                synchronized (LOCK) {
                    untrackLocked((AllocSample) r);
                    for (Reference<?> x; (x = QUEUE.poll()) != null;) {
                        untrackLocked((AllocSample) x);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                // keep reaping
            }
        }
    }

    /** Drains the queue and sweeps every tracked reference the GC already cleared. */
    static void sweep() {
        synchronized (LOCK) {
            for (Reference<?> x; (x = QUEUE.poll()) != null;) {
                untrackLocked((AllocSample) x);
            }
            AllocSample[] b = buckets;
            for (int i = 0; i < b.length; i++) {
                AllocSample prev = null;
                for (AllocSample s = b[i]; s != null; s = s.next) {
                    if (s.get() == null) {
                        untrackLocked(s); // unlinks s, prev stays
                    } else {
                        prev = s;
                    }
                }
            }
        }
    }

    /**
     * {current, peak} traced bytes; with {@code totals} (sampled mode, pairs as {@link AllocatedTotals#merged})
     * both capped at the bytes allocated since the generation began: sums of sample weights (size/p per
     * sampled object) can pass what was allocated (one sampled 64 KiB array weighs 101 KiB at the default
     * distance), and no live total can.
     */
    static long[] tracedMemory(long[] totals) {
        synchronized (LOCK) {
            if (totals == null) {
                return new long[] {current, peak};
            }
            long allocated = AllocatedTotals.bytesSince(totals, base);
            return new long[] {Math.min(current, allocated), Math.min(peak, allocated)};
        }
    }

    static void resetPeak() {
        synchronized (LOCK) {
            peak = current;
        }
    }

    /** Starts a new generation: no live data, current and peak 0, {@code totals} the new base. */
    static void clear(long[] totals) {
        synchronized (LOCK) {
            generation++;
            buckets = new AllocSample[1024];
            samples = 0;
            Arrays.fill(liveBytes, 0);
            Arrays.fill(liveCount, 0);
            Arrays.fill(sampledBytes, 0);
            Arrays.fill(sampledCount, 0);
            current = 0;
            peak = 0;
            base = totals;
        }
    }

    /** The traceback of a tracked live object, else -1. */
    static int tracebackOf(Object o) {
        int h = System.identityHashCode(o);
        synchronized (LOCK) {
            AllocSample[] b = buckets;
            for (AllocSample s = b[h & (b.length - 1)]; s != null; s = s.next) {
                if (s.hash == h && s.get() == o) {
                    return s.traceback;
                }
            }
        }
        return -1;
    }

    /** A copy, with weight arrays at least {@code count} long (zero for tracebacks never sampled). */
    static View view(int count) {
        synchronized (LOCK) {
            return new View(Arrays.copyOf(liveBytes, Math.max(count, liveBytes.length)),
                    Arrays.copyOf(liveCount, Math.max(count, liveCount.length)),
                    Arrays.copyOf(sampledBytes, Math.max(count, sampledBytes.length)),
                    Arrays.copyOf(sampledCount, Math.max(count, sampledCount.length)), current, peak, base);
        }
    }

    /** The samples' and tables' memory, estimated. */
    static long footprint() {
        synchronized (LOCK) {
            return 8L * buckets.length + 56L * samples + 32L * liveBytes.length + 8L * base.length;
        }
    }
}
