package testapp;

/**
 * Allocation-heavy workload for overhead and sampling-accuracy measurements (not a test).
 * args: iterations. Live memory is held in fixed rings, so the true live count per site is known:
 * big 2000 x byte[2048] (~4.1 MB), mid 20000 x Node (~0.48 MB), small 2000 x int[8] (~0.1 MB),
 * tiny 500 x Node (~12 KB); everything else is garbage.
 */
public class AllocBench {
    static final class Node {
        final long a;
        Node next;

        Node(long a) {
            this.a = a;
        }
    }

    static final Object[] BIG = new Object[2000];
    static final Object[] MID = new Object[20000];
    static final Object[] SMALL = new Object[2000];
    static final Object[] TINY = new Object[500];
    static long sink;

    static void step(int i) {
        BIG[i % BIG.length] = new byte[2048];            // line 26
        MID[i % MID.length] = new Node(i);               // line 27
        SMALL[i % SMALL.length] = new int[8];            // line 28
        TINY[i % TINY.length] = new Node(-i);            // line 29
        for (int k = 0; k < 8; k++) {
            Node g = new Node(k);                        // line 31 garbage
            g.next = new Node(i);                        // line 32 garbage
            sink += g.a + g.next.a;
        }
        char[] c = new char[16 + (i & 31)];              // line 35 garbage
        sink += c.length;
    }

    static void level(int d, int i) {
        if (d == 0) {
            step(i);
        } else {
            level(d - 1, i);
        }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                level(4, i);
            }
            long t = System.nanoTime() - t0;
            System.out.printf("round %d: %.1f ns/iter%n", round, (double) t / n);
        }
        System.out.println("sink=" + sink);
    }
}
