package io.jfrtrace.cli.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.schema.agent.AgentArguments;
import io.jfrtrace.schema.agent.AgentKeys;

/**
 * Loads the agent jar into a running JVM through the Attach API (a UNIX socket of the same user, no port) and reads
 * its answer. {@code loadAgent} returns when the agent's {@code agentmain} has returned, so the answer is there then;
 * it comes through a file in a private folder of ours because the agent's stderr is the program's.
 */
public final class AgentLoader {
    private final Path agentJar;
    private final Path privateFolder;

    /** @param privateFolder a 0700 folder of this run, where the agent writes its reply */
    public AgentLoader(Path agentJar, Path privateFolder) {
        this.agentJar = agentJar;
        this.privateFolder = privateFolder;
    }

    /** Runs the agent in {@code pid} with {@code options} (plus the reply key) and returns its answer. */
    public AttachReply send(long pid, AgentArguments options) throws IOException {
        Path reply = Files.createTempFile(privateFolder, "reply", ".txt");
        String args = new AgentArguments().addAll(options).add(AgentKeys.REPLY, reply.toString()).toString();
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            throw new CliException(ExitCodes.NOT_ATTACHABLE, "cannot attach to process " + pid + ": " + reason(e));
        }
        try {
            vm.loadAgent(agentJar.toString(), args);
        } catch (AgentLoadException | AgentInitializationException | IOException e) {
            throw new CliException(ExitCodes.NOT_ATTACHABLE, "process " + pid + " could not load the agent: " + reason(e));
        } finally {
            vm.detach();
        }
        String line = Files.readString(reply, StandardCharsets.UTF_8);
        Files.deleteIfExists(reply);
        return AttachReply.parse(line);
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().replace('\n', ' ');
    }
}
