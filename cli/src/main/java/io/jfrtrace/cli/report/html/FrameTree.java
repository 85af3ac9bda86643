package io.jfrtrace.cli.report.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.stacks.CollapsedStacks;
import io.jfrtrace.analyzer.stacks.StackSamples;

/**
 * Stacks merged into one tree by frame label (root first, as {@code --format collapsed} names frames, so a stack that
 * differs only in line numbers is the same path), for a flame graph. Labels are interned in sorted order, so a node's
 * children in label order are its children in id order. For a differential graph the tree is the union of two
 * profiles' paths, each node with the value of each side.
 */
final class FrameTree {
    /** The labels, sorted; a node names its frame by index here. */
    private final List<String> names;
    /** Each label's hue (its package's), by index. */
    private final int[] hues;
    private final Node root;

    private static final class Node {
        final int name;
        long self;
        /** The old side's self value (differential graphs; 0 otherwise). */
        long oldSelf;
        Map<Integer, Node> children;

        Node(int name) {
            this.name = name;
        }

        Node child(int name) {
            if (children == null) {
                children = new HashMap<>(4);
            }
            return children.computeIfAbsent(name, Node::new);
        }
    }

    /** The tree of {@code samples}, each stack counting its weight ({@code weighted}) or its number of samples. */
    static FrameTree of(StackSamples samples, boolean weighted) {
        return of(null, samples, weighted);
    }

    /** The union tree of {@code old} (its values as {@code oldSelf}; null: none) and {@code current}. */
    static FrameTree of(StackSamples old, StackSamples current, boolean weighted) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> labels = new ArrayList<>();
        List<Integer> hues = new ArrayList<>();
        Node root = new Node(-1);
        add(current, weighted, false, root, ids, labels, hues);
        if (old != null) {
            add(old, weighted, true, root, ids, labels, hues);
        }
        return new FrameTree(labels, hues, root);
    }

    private static void add(StackSamples samples, boolean weighted, boolean old, Node root, Map<String, Integer> ids,
                            List<String> labels, List<Integer> hues) {
        samples.forEach((stack, count, weight) -> {
            Node node = root;
            for (FunctionKey f : stack) {
                String label = CollapsedStacks.label(f).replace(';', ':'); // as collapsed stacks write it
                Integer id = ids.get(label);
                if (id == null) {
                    id = labels.size();
                    ids.put(label, id);
                    labels.add(label);
                    hues.add(FrameColour.hue(f));
                }
                node = node.child(id);
            }
            if (old) {
                node.oldSelf += weighted ? weight : count;
            } else {
                node.self += weighted ? weight : count;
            }
        });
    }

    private FrameTree(List<String> labels, List<Integer> hues, Node root) {
        Integer[] order = new Integer[labels.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> labels.get(a).compareTo(labels.get(b)));
        int[] rank = new int[order.length];
        this.names = new ArrayList<>(order.length);
        this.hues = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
            names.add(labels.get(order[r]));
            this.hues[r] = hues.get(order[r]);
        }
        this.root = renumber(root, rank);
    }

    /** The tree again with sorted ids (iteratively: a deep stack must not overflow ours). */
    private static Node renumber(Node root, int[] rank) {
        Node copy = new Node(-1);
        copy.self = root.self;
        copy.oldSelf = root.oldSelf;
        Deque<Node[]> todo = new ArrayDeque<>();
        todo.push(new Node[] {root, copy});
        while (!todo.isEmpty()) {
            Node[] pair = todo.pop();
            if (pair[0].children != null) {
                for (Node child : pair[0].children.values()) {
                    Node c = pair[1].child(rank[child.name]);
                    c.self = child.self;
                    c.oldSelf = child.oldSelf;
                    todo.push(new Node[] {child, c});
                }
            }
        }
        return copy;
    }

    List<String> names() {
        return names;
    }

    int hue(int name) {
        return hues[name];
    }

    /** What a node of the tree hands over, in preorder (a node, then its children's subtrees in label order). */
    interface NodeVisitor {
        /**
         * @param name the node's label index
         * @param up   how many levels to climb from the previous node (the root's virtual parent at first) before
         *             this one is its child: 0 for the previous node's first child, 1 for its sibling
         * @param self    the value of the stacks that end here
         * @param oldSelf the same on the old side (differential graphs; else 0)
         */
        void visit(int name, int up, long self, long oldSelf);
    }

    /** Every node but the virtual root (which holds no stack: a stack has a frame), in preorder. */
    void forEach(NodeVisitor visitor) {
        Deque<Object[]> todo = new ArrayDeque<>();
        pushChildren(root, 1, todo);
        int previousDepth = 0;
        while (!todo.isEmpty()) {
            Object[] entry = todo.pop();
            Node node = (Node) entry[0];
            int depth = (Integer) entry[1];
            visitor.visit(node.name, previousDepth - depth + 1, node.self, node.oldSelf);
            previousDepth = depth;
            pushChildren(node, depth + 1, todo);
        }
    }

    private static void pushChildren(Node node, int depth, Deque<Object[]> todo) {
        if (node.children == null) {
            return;
        }
        int[] names = node.children.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        for (int i = names.length - 1; i >= 0; i--) { // the first child on top: popped first
            todo.push(new Object[] {node.children.get(names[i]), depth});
        }
    }

    /** The value of every stack: the whole graph's width. */
    long total() {
        long[] sum = {0};
        forEach((name, up, self, oldSelf) -> sum[0] += self);
        return sum[0] + root.self;
    }

    /** The old side's whole value (differential graphs). */
    long oldTotal() {
        long[] sum = {0};
        forEach((name, up, self, oldSelf) -> sum[0] += oldSelf);
        return sum[0] + root.oldSelf;
    }

    /** The value of the stacks without frames. */
    long rootSelf() {
        return root.self;
    }

    /** The old side's value of the stacks without frames. */
    long oldRootSelf() {
        return root.oldSelf;
    }
}
