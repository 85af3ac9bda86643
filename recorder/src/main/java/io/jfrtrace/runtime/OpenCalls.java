package io.jfrtrace.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls still open on one thread when the recording ends, closed the way {@code _lsprof}'s
 * {@code flush_unmatched} (run by {@code Profile.disable()}) closes them: each as a return at the
 * end, innermost first, with the usual recursion rules per function and per caller-&gt;callee edge.
 *
 * <p>The thread that ends the recording is not the owner of the profile, and the owner may still
 * be running. So nothing here writes the owner's state: a {@link Snapshot} is a copy of its shadow
 * stack, taken without stopping it, and the closing is computed on the copy. (A handshake, the owner
 * closing its own frames, cannot work: the thread that called System.exit, or one blocked in a wait,
 * never reaches its next hook.) A copy taken while the owner runs may be torn; {@link
 * Snapshot#close} keeps only the outermost frames that are consistent (known function, the edge the
 * owner registered for that caller and callee, start times that never decrease outwards-in), and
 * the flusher brackets its read of the counters with two snapshots that must agree (see Flusher).
 */
public final class OpenCalls {
    private OpenCalls() {
    }

    /**
     * One open call closed at the end: what its return adds to its function and to its edge; {@code frame}: its index
     * in the stack, outermost 0 (where a call tree finds its node).
     */
    public record Closed(int function, int caller, long inline, long total, boolean recursive, boolean edgeRecursive,
            int frame) {
        /** Whether it was called from another profiled function (it has a caller-&gt;callee edge). */
        public boolean hasCaller() {
            return caller >= 0;
        }
    }

    /** A copy of {@code p}'s open frames, taken without stopping (or writing to) its owner. */
    public static Snapshot snapshot(ThreadProfile p) {
        return new Snapshot(p, p.copyFrames());
    }

    /** The open frames of one thread at one moment (as far as an unsynchronised read can tell). */
    public static final class Snapshot {
        private static final int F = ThreadProfile.FRAME;
        private final ThreadProfile profile;
        private final long[] frames;

        Snapshot(ThreadProfile profile, long[] frames) {
            this.profile = profile;
            this.frames = frames;
        }

        public int depth() {
            return frames.length / F;
        }

        /** Same frames, same start times and same time in sub-calls: no call began or ended in between. */
        public boolean sameAs(Snapshot o) {
            return o != null && o.profile == profile && Arrays.equals(o.frames, frames);
        }

        /**
         * The calls of this snapshot closed at {@code now}, innermost first. Frames from the first
         * inconsistent one upwards (a copy torn by the running owner) are left out.
         */
        public List<Closed> close(long now) {
            int n = consistentDepth(now);
            Map<Integer, int[]> openOfFunction = new HashMap<>();
            Map<Integer, int[]> openOfEdge = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (dispatched(i)) {
                    continue;
                }
                openOfFunction.computeIfAbsent(id(i), k -> new int[1])[0]++;
                if (edge(i) >= 0) {
                    openOfEdge.computeIfAbsent(edge(i), k -> new int[1])[0]++;
                }
            }
            List<Closed> out = new ArrayList<>(n);
            long childTotal = 0; // what the frame closed just before adds to this one's subt
            for (int i = n - 1; i >= 0; i--) {
                long subt = frames[i * F + 3] + childTotal;
                if (dispatched(i)) {
                    childTotal = subt; // a built-in set aside counts nothing and passes its sub-calls on
                    continue;
                }
                long tt = now - frames[i * F + 2];
                long it = tt - subt;
                childTotal = tt;
                // the recursion level after this return: the activations still open below it
                boolean recursive = --openOfFunction.get(id(i))[0] > 0;
                int e = edge(i);
                boolean edgeRecursive = e >= 0 && --openOfEdge.get(e)[0] > 0;
                int caller = e >= 0 ? (int) (profile.publishedEdgeKey(e) >>> 32) : -1;
                out.add(new Closed(id(i), caller, it, tt, recursive, edgeRecursive, i));
            }
            return out;
        }

        private int id(int i) {
            return (int) frames[i * F];
        }

        /** A built-in's frame set aside because its call landed directly in instrumented code. */
        private boolean dispatched(int i) {
            return frames[i * F] < 0;
        }

        private int edge(int i) {
            return (int) frames[i * F + 1];
        }

        /**
         * How many frames, from the outermost, are consistent with each other, the tables and {@code
         * now}: each frame's function is known and its edge is the one registered for its caller (the
         * nearest frame below that is not a built-in set aside) and itself; it started no earlier than
         * the frame below, and after that frame's finished sub-calls (which all ended before it
         * began), so no time comes out negative.
         */
        private int consistentDepth(long now) {
            int d = depth();
            for (int i = 0; i < d; i++) {
                int id = id(i);
                long t0 = frames[i * F + 2];
                long subt = frames[i * F + 3];
                if (!profile.hasFunction(id) || t0 > now || subt < 0 || subt > now - t0) {
                    return i;
                }
                int caller = i - 1;
                while (caller >= 0 && dispatched(caller)) {
                    caller--;
                }
                boolean edgeOk = caller < 0 || dispatched(i) ? edge(i) == -1
                        : profile.publishedEdgeKey(edge(i)) == ThreadProfile.edgeKey(id(caller), id);
                if (!edgeOk) {
                    return i;
                }
                if (i > 0) {
                    long outerStart = frames[(i - 1) * F + 2];
                    long outerSubt = frames[(i - 1) * F + 3];
                    if (t0 < outerStart || outerSubt > t0 - outerStart) {
                        return i;
                    }
                }
            }
            return d;
        }
    }
}
