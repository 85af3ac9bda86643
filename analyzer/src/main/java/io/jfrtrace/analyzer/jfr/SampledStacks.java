package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.stacks.StackSamples;
import one.jfr.StackTrace;
import one.jfr.event.AllocationSample;
import one.jfr.event.ExecutionSample;

/**
 * The JVM's samples of a recording by stack ({@link StackSamples}): its execution samples ({@code jdk.ExecutionSample},
 * each one sample of weight 1), or its allocation samples ({@code jdk.ObjectAllocationSample} weighing the bytes its
 * thread allocated since its previous one, {@code jdk.ObjectAllocationInNewTLAB} the new TLAB's size and
 * {@code jdk.ObjectAllocationOutsideTLAB} the object's), the allocated class as the stack's top frame. Each chunk
 * sums its samples per stack id without a per-event object of its own, then names the stacks it saw.
 */
public final class SampledStacks implements Source<StackSamples> {
    private final boolean allocations;
    private final StackSamples all = new StackSamples();

    private SampledStacks(boolean allocations) {
        this.allocations = allocations;
    }

    /** The recording's execution samples by stack (weight: samples). */
    public static StackSamples executionSamples(Path file) throws IOException {
        return read(file, false);
    }

    /** The recording's allocation samples by stack and class (weight: bytes). */
    public static StackSamples allocations(Path file) throws IOException {
        return read(file, true);
    }

    private static StackSamples read(Path file, boolean allocations) throws IOException {
        SampledStacks source = new SampledStacks(allocations);
        Recording.open(file).read(List.of(source));
        return source.all;
    }

    @Override
    public StackSamples chunk(Handlers on) {
        StackSamples part = new StackSamples();
        IdSums sums = new IdSums();
        ChunkSymbols[] symbols = {null};
        if (allocations) {
            Handlers.BulkHandler<AllocationSample> sample = (e, s) -> {
                symbols[0] = s;
                sums.add((long) e.stackTraceId << 32 | e.classId & 0xFFFFFFFFL, e.allocationSize);
            };
            on.on(BulkType.ALLOCATION_SAMPLE, sample);
            on.on(BulkType.ALLOCATION_OUTSIDE_TLAB, sample);
            on.on(BulkType.ALLOCATION_IN_NEW_TLAB, (e, s) -> {
                symbols[0] = s;
                sums.add((long) e.stackTraceId << 32 | e.classId & 0xFFFFFFFFL, e.tlabSize);
            });
        } else {
            on.on(BulkType.EXECUTION_SAMPLE, (ExecutionSample e, ChunkSymbols s) -> {
                symbols[0] = s;
                sums.add(e.stackTraceId, 1);
            });
        }
        on.atEnd(() -> {
            if (sums.size() > 0) {
                name(sums, symbols[0], part);
            }
        });
        return part;
    }

    /** The chunk's stacks by name, while its symbols are valid. */
    private void name(IdSums sums, ChunkSymbols symbols, StackSamples part) {
        Map<Integer, List<FunctionKey>> stacks = new HashMap<>();
        Map<Long, FunctionKey> functions = new HashMap<>();
        sums.forEach((id, samples, weight) -> {
            int stackId = (int) (allocations ? id >>> 32 : id);
            List<FunctionKey> rootFirst = stacks.computeIfAbsent(stackId, k -> frames(symbols, k, functions));
            if (allocations) {
                String cls = symbols.className((int) id);
                List<FunctionKey> withClass = new ArrayList<>(rootFirst.size() + 1);
                withClass.addAll(rootFirst);
                withClass.add(FunctionKey.builtin(cls == null ? "?" : cls));
                rootFirst = withClass;
            }
            part.add(rootFirst, samples, weight);
        });
    }

    /** A stack's frames, outermost first, as {@code stats} names functions (line 0: the method, not the line). */
    private static List<FunctionKey> frames(ChunkSymbols symbols, int stackId, Map<Long, FunctionKey> functions) {
        StackTrace trace = symbols.stackTrace(stackId);
        if (trace == null) {
            return List.of();
        }
        List<FunctionKey> out = new ArrayList<>(trace.methods.length);
        for (int i = trace.methods.length - 1; i >= 0; i--) {
            int frame = i;
            out.add(functions.computeIfAbsent(trace.methods[i], id -> {
                ChunkSymbols.Method m = symbols.method(trace, frame);
                return m.className() == null ? FunctionKey.builtin(m.name())
                        : new FunctionKey(m.file(), 0, JavaFrames.functionName(m.className(), m.name()));
            }));
        }
        return out;
    }

    @Override
    public void add(StackSamples part) {
        all.merge(part);
    }
}
