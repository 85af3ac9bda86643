package io.jfrtrace.recorder.jfr;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.jfrtrace.runtime.FunctionRegistry;
import io.jfrtrace.schema.CallerTotalsEvent;
import io.jfrtrace.schema.FunctionTotalsEvent;
import io.jfrtrace.schema.ProfileCheckpointEvent;

/**
 * The call profile since the run began, as the flushes emitted it: the sum of every delta, kept on the flushing
 * thread, and written whole as a checkpoint at the end of each chunk, so that a reader needs no chunk before the last
 * checkpoint (and JFR may drop old chunks). Entries keep the order in which their first delta was emitted, which is the
 * order a reader of the deltas would see them in.
 */
final class ProfileTotals extends CheckpointWriter {
    /** Per function id: calls, recursive calls, inline and total nanoseconds. */
    private long[] functions = new long[4 * 64];
    private int[] functionOrder = new int[64];
    private int functionCount;
    private final Map<Long, long[]> edges = new LinkedHashMap<>();

    /** Adds one emitted function delta (nanoseconds). */
    void addFunction(int id, long calls, long recursive, long inline, long total) {
        if (functions.length < 4 * (id + 1)) {
            functions = Arrays.copyOf(functions, Math.max(4 * (id + 1), 2 * functions.length));
        }
        int b = 4 * id;
        if (functions[b] == 0 && functions[b + 1] == 0 && functions[b + 2] == 0 && functions[b + 3] == 0) {
            if (functionCount == functionOrder.length) {
                functionOrder = Arrays.copyOf(functionOrder, 2 * functionCount);
            }
            functionOrder[functionCount++] = id;
        }
        functions[b] += calls;
        functions[b + 1] += recursive;
        functions[b + 2] += inline;
        functions[b + 3] += total;
    }

    /** Adds one emitted edge delta; {@code key} is caller id << 32 | callee id. */
    void addEdge(long key, long calls, long recursive, long inline, long total) {
        long[] t = edges.computeIfAbsent(key, k -> new long[4]);
        t[0] += calls;
        t[1] += recursive;
        t[2] += inline;
        t[3] += total;
    }

    /** Whether any function has been emitted (no checkpoint is written before: a recording without call profile). */
    boolean hasEntries() {
        return functionCount > 0 || !edges.isEmpty();
    }

    /** One FunctionTotals per function, then one CallerTotals per edge, in the order of their first deltas. */
    @Override
    void writeEntries(long id) {
        for (int i = 0; i < functionCount; i++) {
            int f = functionOrder[i];
            int b = 4 * f;
            FunctionTotalsEvent e = new FunctionTotalsEvent();
            e.checkpoint = id;
            e.file = FunctionRegistry.file(f);
            e.line = FunctionRegistry.line(f);
            e.function = FunctionRegistry.name(f);
            e.callCount = functions[b];
            e.recursiveCallCount = functions[b + 1];
            e.inlineTime = functions[b + 2];
            e.totalTime = functions[b + 3];
            e.commit();
        }
        for (Map.Entry<Long, long[]> en : edges.entrySet()) {
            int caller = (int) (en.getKey() >>> 32);
            int callee = (int) (long) en.getKey();
            long[] t = en.getValue();
            CallerTotalsEvent e = new CallerTotalsEvent();
            e.checkpoint = id;
            e.callerFile = FunctionRegistry.file(caller);
            e.callerLine = FunctionRegistry.line(caller);
            e.callerFunction = FunctionRegistry.name(caller);
            e.file = FunctionRegistry.file(callee);
            e.line = FunctionRegistry.line(callee);
            e.function = FunctionRegistry.name(callee);
            e.callCount = t[0];
            e.recursiveCallCount = t[1];
            e.inlineTime = t[2];
            e.totalTime = t[3];
            e.commit();
        }
    }

    @Override
    void writeHeader(String runId, long id, long flush) {
        ProfileCheckpointEvent header = new ProfileCheckpointEvent();
        header.runId = runId;
        header.checkpoint = id;
        header.flush = flush;
        header.functionCount = functionCount;
        header.callerCount = edges.size();
        header.commit();
    }
}
