package io.jfrtrace.analyzer.faulthandler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * One dump of a JVM's threads, as faulthandler takes them. The threads are kept newest first (highest Java thread id
 * first, faulthandler's order) whatever order they are given in.
 *
 * @param id              1, 2, … in the order the dumps were taken
 * @param time            when (may be null if unknown)
 * @param reason          why; decides the header
 * @param detail          fatal: the error's name for the header; signal: the signal name; otherwise empty
 * @param timeoutMicros   the watchdog timeout of a timeout dump, in microseconds
 * @param currentThreadId the thread that asked, crashed or received the signal; -1 if none
 */
public record ThreadDump(long id, Instant time, Reason reason, String detail, long timeoutMicros, long currentThreadId,
        List<ThreadStack> threads) {
    /** Newest thread first. */
    public static final Comparator<ThreadStack> NEWEST_FIRST = Comparator.comparingLong(ThreadStack::threadId).reversed();

    public ThreadDump {
        List<ThreadStack> sorted = new ArrayList<>(threads);
        sorted.sort(NEWEST_FIRST);
        threads = List.copyOf(sorted);
        detail = detail == null ? "" : detail;
    }

    /** The same dump with only the threads {@code keep} accepts. */
    public ThreadDump withThreads(Predicate<ThreadStack> keep) {
        return new ThreadDump(id, time, reason, detail, timeoutMicros, currentThreadId,
                threads.stream().filter(keep).toList());
    }
}
