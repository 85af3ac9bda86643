package io.jfrtrace.analyzer.stacks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jfrtrace.analyzer.pstats.FunctionKey;

/**
 * An exact calling-context tree ({@code record --call-tree}): a node per call path (root first), with the calls that
 * returned on that path, their self time and their total time (nanoseconds). Paths of several threads, runs and files
 * merge by their functions. Unlike samples, nothing is estimated: a path's self times are what the call profile's
 * tottime is made of, and its total time counts each call once (a recursion is a deeper path, not the same one again).
 */
public final class CallTree {
    /** The key of a "(truncated)" node: the calls whose path did not fit in the recorder's bound, and what they called. */
    public static final FunctionKey TRUNCATED = new FunctionKey("~", 0, "(truncated)");

    /** One call path: its last function, its parent path and its counters. */
    public static final class Node {
        private final FunctionKey function;
        private final Node parent;
        private Map<FunctionKey, Node> children;
        private long calls;
        private long self;
        private long total;

        private Node(FunctionKey function, Node parent) {
            this.function = function;
            this.parent = parent;
        }

        public FunctionKey function() {
            return function;
        }

        public long calls() {
            return calls;
        }

        /** Nanoseconds in the function itself on this path. */
        public long self() {
            return self;
        }

        /** Nanoseconds including callees on this path. */
        public long total() {
            return total;
        }

        /** The path's functions, root first. */
        public List<FunctionKey> path() {
            List<FunctionKey> out = new ArrayList<>();
            for (Node n = this; n.parent != null; n = n.parent) {
                out.add(n.function);
            }
            java.util.Collections.reverse(out);
            return out;
        }
    }

    private final Node root = new Node(null, null);
    private int size;

    /** The root: no function, the parent of every outermost call. */
    public Node root() {
        return root;
    }

    /** The path of {@code parent} followed by a call of {@code function}, made if new. */
    public Node child(Node parent, FunctionKey function) {
        if (parent.children == null) {
            parent.children = new LinkedHashMap<>(4);
        }
        Node n = parent.children.get(function);
        if (n == null) {
            n = new Node(function, parent);
            parent.children.put(function, n);
            size++;
        }
        return n;
    }

    /** Adds calls and times (nanoseconds) to a path. */
    public void add(Node node, long calls, long self, long total) {
        node.calls += calls;
        node.self += self;
        node.total += total;
    }

    /** Number of paths. */
    public int size() {
        return size;
    }

    /** Every path, parents before children, children in the order they were made (iteratively: paths may be deep). */
    public void forEach(java.util.function.Consumer<Node> visitor) {
        Deque<Node> todo = new ArrayDeque<>();
        push(root, todo);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            visitor.accept(n);
            push(n, todo);
        }
    }

    private static void push(Node n, Deque<Node> todo) {
        if (n.children != null) {
            List<Node> kids = new ArrayList<>(n.children.values());
            for (int i = kids.size() - 1; i >= 0; i--) {
                todo.push(kids.get(i));
            }
        }
    }

    /** All calls of all paths. */
    public long calls() {
        long[] sum = {0};
        forEach(n -> sum[0] += n.calls);
        return sum[0];
    }

    /**
     * The paths as stacks: each path with calls as its samples and its self time as its weight, so that collapsed
     * stacks and flame graphs draw it exactly (a frame's width: the self time of the paths through it, which is its
     * total time). Paths without a call or a nanosecond of their own (callers still running at the end) are left out.
     */
    public StackSamples stacks() {
        StackSamples out = new StackSamples();
        forEach(n -> {
            if (n.calls != 0 || n.self != 0) {
                out.add(n.path(), n.calls, n.self);
            }
        });
        return out;
    }
}
