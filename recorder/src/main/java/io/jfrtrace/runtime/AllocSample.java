package io.jfrtrace.runtime;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * One tracked object (every object in exact mode, one per ~sampling interval bytes otherwise):
 * the share of live bytes/objects it stands for, kept until the GC clears it. Chained in the
 * tracker's identity-hash buckets, which keep it reachable (so it gets enqueued).
 */
final class AllocSample extends WeakReference<Object> {
    final int traceback;
    final long bytes;
    final double count;
    final int hash;
    final int generation;
    AllocSample next;
    boolean dead;

    AllocSample(Object referent, ReferenceQueue<Object> q, int traceback, long bytes, double count, int hash,
                int generation) {
        super(referent, q);
        this.traceback = traceback;
        this.bytes = bytes;
        this.count = count;
        this.hash = hash;
        this.generation = generation;
    }
}
