package io.jfrtrace.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.stacks.StackSamples;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** The JVM's allocation samples by stack, against the JDK's own parser of the same recording. */
class SampledStacksTest {
    @TempDir
    Path dir;

    @Test
    void allocationsByStackAddUpToWhatTheJdkReadsStackForStack() throws Exception {
        Path f = dir.resolve("allocations.jfr");
        try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
            r.enable("jdk.ObjectAllocationSample").with("throttle", "10000/s");
            r.enable("jdk.ObjectAllocationOutsideTLAB");
            r.enable("jdk.ObjectAllocationInNewTLAB");
            r.start();
            Allocate.run();
            r.stop();
            r.dump(f);
        }
        Map<String, long[]> expected = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(f)) {
            String weightField = switch (e.getEventType().getName()) {
                case "jdk.ObjectAllocationSample" -> "weight";
                case "jdk.ObjectAllocationInNewTLAB" -> "tlabSize";
                case "jdk.ObjectAllocationOutsideTLAB" -> "allocationSize";
                default -> null;
            };
            if (weightField != null) {
                long[] sums = expected.computeIfAbsent(jdkStack(e), k -> new long[2]);
                sums[0]++;
                sums[1] += e.getLong(weightField);
            }
        }
        StackSamples samples = SampledStacks.allocations(f);
        Map<String, long[]> actual = new HashMap<>();
        samples.forEach((stack, count, weight) -> {
            long[] sums = actual.computeIfAbsent(ourStack(stack), k -> new long[2]);
            sums[0] += count;
            sums[1] += weight;
        });
        assertTrue(expected.size() > 1, expected::toString);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((stack, sums) -> assertEquals(List.of(sums[0], sums[1]),
                List.of(actual.get(stack)[0], actual.get(stack)[1]), stack));
    }

    /** Root first: method names (hidden classes are named differently), then the allocated class as Java names it. */
    private static String jdkStack(RecordedEvent e) {
        List<String> frames = new ArrayList<>();
        if (e.getStackTrace() != null) { // a sample the JVM took without a stack (rare): ours is the class alone too
            for (RecordedFrame fr : e.getStackTrace().getFrames()) {
                frames.add(0, fr.getMethod().getName());
            }
        }
        frames.add(JvmNames.javaName(e.getClass("objectClass").getName()));
        return String.join(";", frames);
    }

    private static String ourStack(List<FunctionKey> rootFirst) {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < rootFirst.size(); i++) {
            String name = rootFirst.get(i).name();
            frames.add(i == rootFirst.size() - 1 ? name : name.substring(name.lastIndexOf('.') + 1));
        }
        return String.join(";", frames);
    }

    /** Allocations through two different stacks. */
    static final class Allocate {
        static List<Object> keep = new ArrayList<>();

        /** Enough small arrays to refill TLABs many times, and arrays too large for any TLAB. */
        static void run() {
            for (int i = 0; i < 200_000; i++) {
                keep.add(i % 1000 == 0 ? large(i) : small(i));
                if (keep.size() > 20) {
                    keep.clear();
                }
            }
        }

        static Object small(int i) {
            return new long[i % 64 + 1];
        }

        static Object large(int i) {
            return new byte[4 * 1024 * 1024 + i % 1024];
        }
    }
}
