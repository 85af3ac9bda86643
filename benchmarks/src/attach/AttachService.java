package attach;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A service for benchmarks/attach.py: on each line "round" from stdin it evaluates a set of expression trees (small
 * virtual calls through four node classes, megamorphic at the call sites: what instrumentation and its removal
 * change most) and prints the round's wall time in nanoseconds and a checksum; it ends at the end of stdin.
 */
public final class AttachService {
    interface Node {
        long eval(long x);
    }

    record Num(long v) implements Node {
        public long eval(long x) {
            return v;
        }
    }

    record Var() implements Node {
        public long eval(long x) {
            return x;
        }
    }

    record Add(Node a, Node b) implements Node {
        public long eval(long x) {
            return a.eval(x) + b.eval(x);
        }
    }

    record Mul(Node a, Node b) implements Node {
        public long eval(long x) {
            return a.eval(x) * b.eval(x) % 1_000_003;
        }
    }

    /** A deterministic tree of {@code depth} levels. */
    static Node tree(int depth, long seed) {
        if (depth == 0) {
            return (seed & 1) == 0 ? new Var() : new Num(seed % 97);
        }
        long next = seed * 6364136223846793005L + 1442695040888963407L;
        Node a = tree(depth - 1, next >>> 1);
        Node b = tree(depth - 1, next >>> 3);
        return (next & 4) == 0 ? new Add(a, b) : new Mul(a, b);
    }

    static long round(Node[] trees, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            for (Node t : trees) {
                sum += t.eval(i);
            }
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        Node[] trees = new Node[8];
        for (int i = 0; i < trees.length; i++) {
            trees[i] = tree(8, i + 1);
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        System.out.flush();
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("round")) {
                long t0 = System.nanoTime();
                long sum = round(trees, n);
                System.out.println((System.nanoTime() - t0) + " " + sum);
                System.out.flush();
            }
        }
    }
}
