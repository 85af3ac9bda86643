package bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A workload for stock recordings (the analysis benchmark's input, not a jfr-trace workload): several threads allocate
 * through a few hundred distinct stacks (a recursive descent whose depth and leaf depend on a counter), so that JFR's
 * allocation events and 1 ms execution samples fill a large recording with many different stack traces.
 * Usage: {@code bench.StockLoad SECONDS THREADS}.
 */
public final class StockLoad {
    private static volatile long sink;

    private StockLoad() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            Thread th = new Thread(() -> work(seed, end), "load-" + t);
            th.start();
            all.add(th);
        }
        for (Thread th : all) {
            th.join();
        }
        System.out.println("sink " + sink);
    }

    private static void work(int seed, long end) {
        long i = seed;
        long local = 0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 1000; k++) {
                local += descend((int) (i % 7) + 2, i);
                i++;
            }
        }
        sink += local;
    }

    /** Depth 2-8, then one of several leaves: the stack differs with i. */
    private static long descend(int depth, long i) {
        if (depth == 0) {
            return leaf(i);
        }
        return (i & 1) == 0 ? left(depth - 1, i >>> 1) : right(depth - 1, i >>> 1);
    }

    private static long left(int depth, long i) {
        return descend(depth, i) + 1;
    }

    private static long right(int depth, long i) {
        return descend(depth, i) + 2;
    }

    private static long leaf(long i) {
        switch ((int) (i % 8)) {
            case 0:
                return bytes((int) (i % 64) + 16);
            case 1:
                return longs((int) (i % 32) + 4);
            case 2:
                return strings(i);
            case 3:
                return boxes(i);
            case 4:
                return objects(i);
            case 5:
                return spin(i, 200);
            case 6:
                return spin(i, 400);
            default:
                return spin(i, 800);
        }
    }

    /** CPU without allocation, so that execution samples find the threads in Java code. */
    private static long spin(long x, int rounds) {
        for (int r = 0; r < rounds; r++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    private static long bytes(int n) {
        byte[] b = new byte[n * 8];
        b[n] = (byte) n;
        return b.length;
    }

    private static long longs(int n) {
        long[] a = new long[n];
        for (int j = 0; j < n; j++) {
            a[j] = j * 31L;
        }
        return a[n - 1];
    }

    private static long strings(long i) {
        return ("item-" + i).length();
    }

    private static long boxes(long i) {
        List<Long> list = new ArrayList<>(4);
        list.add(i);
        list.add(i + 1);
        return list.size();
    }

    private static long objects(long i) {
        Object[] o = new Object[(int) (i % 8) + 1];
        o[0] = new int[3];
        return o.length;
    }
}
