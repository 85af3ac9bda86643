package io.jfrtrace.cli.record;

import java.nio.file.Path;
import java.util.List;

import io.jfrtrace.schema.agent.AgentArguments;

/**
 * What the program's JVM is started with: the {@code java} to run, the run's private folder, the agent and its
 * options, whether the native crash handler and the native clock may be loaded, and the user's java arguments.
 */
public record Launch(Path java, RunFolder run, AgentJar jars, AgentArguments agent, boolean nativeFaultHandler,
        boolean nativeClock, List<String> javaArgs) {
    public Launch {
        javaArgs = List.copyOf(javaArgs);
    }
}
