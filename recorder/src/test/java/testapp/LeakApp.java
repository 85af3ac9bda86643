package testapp;

import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.api.Tracemalloc;

/** A leaking cache plus short-lived garbage. args: mode [n1 n2]. */
public class LeakApp {
    static final List<Object> CACHE = new ArrayList<>(100_000);
    static long sink;

    static final class Item {
        final int id;

        Item(int id) {
            this.id = id;
        }
    }

    static void request(int i) {
        CACHE.add(new Item(i));                 // line 22: leak (NEW)
        byte[] garbage = new byte[1000];        // line 23: garbage (NEWARRAY)
        sink += garbage.length;
        int[][] grid = new int[2][3];           // line 25: garbage (MULTIANEWARRAY)
        sink += grid.length;
        Object[] copy = java.util.Arrays.copyOf(new Object[] {garbage}, 2); // line 27: 2 garbage arrays
        sink += copy.length;
    }

    static Object level3(int i) {
        return new long[4];                     // line 32
    }

    static Object level2(int i) {
        return level3(i);                       // line 36
    }

    static Object level1(int i) {
        return level2(i);                       // line 40
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "normal";
        int n1 = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int n2 = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        for (int i = 0; i < n1; i++) {
            request(i);
        }
        int a = Tracemalloc.takeSnapshot("first");
        for (int i = 0; i < n2; i++) {
            request(i);
        }
        int b = Tracemalloc.takeSnapshot("second");
        Object deep = level1(0);                // line 55
        Tracemalloc.TracedMemory tm = Tracemalloc.getTracedMemory();
        System.out.println("snapshots=" + a + "," + b + " tracing=" + Tracemalloc.isTracing()
                + " limit=" + Tracemalloc.getTracebackLimit() + " current=" + tm.current() + " peak=" + tm.peak()
                + " mem=" + Tracemalloc.getTracemallocMemory());
        System.out.println("traceback=" + Tracemalloc.getObjectTraceback(CACHE.get(0))
                + " deep=" + Tracemalloc.getObjectTraceback(deep));
        if (mode.equals("threads")) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 200_000; i++) {
                    request(i);
                    if (CACHE.size() > 50_000) {
                        synchronized (CACHE) {
                            CACHE.clear();
                        }
                    }
                }
            });
            // allocation on another thread while this one snapshots
            t.start();
            int s = 0;
            for (int k = 0; k < 5; k++) {
                s = Tracemalloc.takeSnapshot("while-" + k);
            }
            t.join();
            System.out.println("lastSnapshot=" + s);
        }
        if (mode.equals("exit")) {
            System.exit(7);
        }
        if (mode.equals("sleep")) {
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(120_000);
        }
        System.out.println("cache=" + CACHE.size() + " sink=" + sink + " deep=" + deep.hashCode() % 1);
        if (mode.equals("throws")) {
            for (int i = 0; i < 3; i++) {
                sink += afterCatch().length;    // line 93
            }
            System.out.println("sink=" + sink);
        }
    }

    static Object thrower(int d) {
        if (d == 0) {
            throw new IllegalStateException("boom"); // line 101
        }
        return thrower(d - 1);                  // line 103
    }

    static short[] afterCatch() {
        try {
            thrower(3);                         // line 108
        } catch (IllegalStateException e) {
            sink++;
        }
        return new short[2];                    // line 112: the frames the exception left are gone
    }
}
