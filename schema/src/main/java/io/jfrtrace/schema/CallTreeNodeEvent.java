package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One call path of the calling-context tree ({@code record --call-tree}; docs/events.md, schema 2.6): its node's id,
 * its parent's and the function it ends in, written once per node, in the first flush after the node appeared, before
 * any of its counts.
 */
@Name(CallTreeNodeEvent.NAME)
@Label("Call Tree Node")
@Description("One call path of the calling-context tree: its parent path and the function it ends in")
@Category("jfr-trace")
@StackTrace(false)
public final class CallTreeNodeEvent extends Event {
    public static final String NAME = "jfrtrace.CallTreeNode";
    public static final String NODE = "node";
    public static final String PARENT = "parent";
    public static final String FILE = "file";
    public static final String LINE = "line";
    public static final String FUNCTION = "function";
    public static final String FLUSH = "flush";

    /** 1, 2, … per run; a node's parent has a lower id. */
    @Label("Node")
    public int node;
    /** The node of the path without its last call; 0: the root (an outermost call). */
    @Label("Parent")
    public int parent;
    /** The function's key, as in FunctionStats; a "(truncated)" node: {@code ~}, 0, {@code (truncated)}. */
    @Label("File")
    public String file;
    @Label("Line")
    public int line;
    @Label("Function")
    public String function;
    @Label("Flush")
    public long flush;
}
