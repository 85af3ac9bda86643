package peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH's side of benchmarks/timeit_accuracy.py: the same five snippets that the script times with
 * {@code jfr-trace timeit}, written as JMH would have them (inputs in a state object, results returned so that JMH's
 * blackhole consumes them). Keep each method equal to its SNIPPETS entry in the script.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TimeitPeers {
    Map<Integer, Integer> m;
    Integer k;
    String a;
    String b;
    int n;
    int[] xs;
    double x;

    @Setup
    public void setup() {
        m = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            m.put(i, i);
        }
        k = 500;
        a = "hello";
        b = "world";
        n = 42;
        xs = new Random(1).ints(1000).toArray();
        x = 1;
    }

    @Benchmark
    public Integer hashMapGet() {
        return m.get(k);
    }

    @Benchmark
    public String stringConcat() {
        return a + b + n;
    }

    @Benchmark
    public List<Integer> arrayListFill() {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            l.add(i);
        }
        return l;
    }

    @Benchmark
    public void sort1000() {
        Arrays.sort(xs.clone());
    }

    @Benchmark
    public double mathLog() {
        return Math.log(x++);
    }
}
