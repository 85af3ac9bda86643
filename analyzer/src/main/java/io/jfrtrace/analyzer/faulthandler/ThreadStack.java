package io.jfrtrace.analyzer.faulthandler;

import java.util.List;
import java.util.function.Predicate;

/**
 * One thread of a dump. {@code frames} are most recent first and may be fewer than {@code totalFrames}, the thread's
 * real depth when known (the printer writes {@code  ...} when frames are missing).
 */
public record ThreadStack(long threadId, String name, String state, boolean current, int totalFrames,
        List<StackFrame> frames) {
    public ThreadStack {
        frames = List.copyOf(frames);
        totalFrames = Math.max(totalFrames, frames.size());
    }

    /** A thread whose depth is exactly its frames. */
    public ThreadStack(long threadId, String name, String state, boolean current, List<StackFrame> frames) {
        this(threadId, name, state, current, frames.size(), frames);
    }

    /** Whether the thread's name passes {@code filter} (a null name reads as the empty string). */
    public boolean nameMatches(Predicate<String> filter) {
        return filter.test(name == null ? "" : name);
    }
}
