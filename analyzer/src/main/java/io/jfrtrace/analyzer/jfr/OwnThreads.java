package io.jfrtrace.analyzer.jfr;

import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.analyzer.faulthandler.StackFrame;
import io.jfrtrace.analyzer.faulthandler.ThreadStack;

/**
 * Takes jfr-trace itself out of the JVM's own thread dumps ({@code jdk.ThreadDump}) of a recording jfr-trace made:
 * the agent's threads (named {@code jfr-trace ...}) and the frames of its code (its packages, see
 * {@link JavaFrames#isAgentClass}: the agent starting in premain, the flush hooks on JFR's threads), as the agent's own
 * dumps leave them out.
 */
final class OwnThreads {
    private OwnThreads() {
    }

    static List<ThreadStack> without(List<ThreadStack> threads) {
        List<ThreadStack> out = new ArrayList<>();
        for (ThreadStack t : threads) {
            if (t.name() != null && t.name().startsWith("jfr-trace ")) {
                continue;
            }
            List<StackFrame> frames = new ArrayList<>();
            for (StackFrame f : t.frames()) {
                if (f.file() == null || !JavaFrames.isAgentClass(f.file())) {
                    frames.add(f);
                }
            }
            int dropped = t.frames().size() - frames.size();
            out.add(dropped == 0 ? t
                    : new ThreadStack(t.threadId(), t.name(), t.state(), t.current(), t.totalFrames() - dropped, frames));
        }
        return out;
    }
}
