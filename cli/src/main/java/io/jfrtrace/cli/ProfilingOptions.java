package io.jfrtrace.cli;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.schema.agent.AgentArguments;
import io.jfrtrace.schema.agent.AgentKeys;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What the agent profiles and which stock events it records, as {@code record} and {@code attach} take it: a picocli
 * mixin, one declaration of the options and one rule for the settings.
 */
final class ProfilingOptions {
    private static final List<String> NAMED_SETTINGS = List.of("default", "profile", "none");

    @Option(names = "--include", paramLabel = "GLOB", description = "Profile only classes whose name matches (repeatable; * matches any characters).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Do not profile classes whose name matches (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--builtins", description = "Also profile calls into uninstrumented (JDK) methods, as {method 'x' of 'T' objects}.")
    boolean builtins;

    /** {@code --call-tree} without a number: call paths per thread at most. */
    static final int DEFAULT_CALL_TREE = 100_000;

    @Option(names = "--call-tree", arity = "0..1", paramLabel = "N", preprocessor = BareCallTree.class,
            converter = PathCount.class,
            description = "Also keep a calling-context tree per thread: exact calls, self and total time per call path, "
                    + "which stats --format collapsed|html draw as an exact flame graph. At most N call paths per thread "
                    + "(default " + DEFAULT_CALL_TREE + "; give N attached: --call-tree=5000); a call whose path would "
                    + "need more is counted in the \"(truncated)\" child of the deepest path it has.")
    Integer callTree;

    @Option(names = "--jfr-settings", paramLabel = "NAME|FILE", description = "JFR settings for the stock events: default, profile, none (jfr-trace's events only), or a .jfc file (default: default). With record --alloc, default and profile leave out the JVM's own allocation samplers (jdk.ObjectAllocationSample, jdk.OldObjectSample); a .jfc file keeps what it says.")
    String jfrSettings = "default";

    /** The agent's keys for these options; a settings value that is neither a name nor a file is a usage error. */
    AgentArguments agentArguments() {
        if (!NAMED_SETTINGS.contains(jfrSettings) && !Files.isRegularFile(Paths.get(jfrSettings))) {
            throw new CliException(ExitCodes.USAGE, "--jfr-settings: '" + jfrSettings + "' is neither default, profile, none nor a .jfc file");
        }
        // a file by its absolute path: an attached program's working folder is not ours
        String settings = NAMED_SETTINGS.contains(jfrSettings) ? jfrSettings : Paths.get(jfrSettings).toAbsolutePath().toString();
        AgentArguments agent = new AgentArguments().addAll(AgentKeys.INCLUDE, includes).addAll(AgentKeys.EXCLUDE, excludes)
                .add(AgentKeys.BUILTINS, Boolean.toString(builtins)).add(AgentKeys.SETTINGS, settings);
        if (callTree != null) {
            agent.add(AgentKeys.CALL_TREE, Integer.toString(callTree));
        }
        return agent;
    }

    /** {@code --call-tree=N}: a number of call paths, at least 1. */
    static final class PathCount implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a number of call paths");
            }
            if (n < 1) {
                throw new IllegalArgumentException("the number of call paths must be at least 1, got '" + value + "'");
            }
            return n;
        }
    }

    /** A bare {@code --call-tree} means the default bound and must not swallow the next argument (e.g. {@code -cp}). */
    static final class BareCallTree implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(java.util.Stack<String> args, CommandSpec spec, CommandLine.Model.ArgSpec argSpec,
                java.util.Map<String, Object> info) {
            if (!"=".equals(info.get("separator"))) { // " " when the value was not attached
                argSpec.setValue(DEFAULT_CALL_TREE);
                return true;
            }
            return false;
        }
    }
}
