package io.jfrtrace.cli.record;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import io.jfrtrace.privatefiles.UserCache;

/**
 * The recorder agent travels inside the CLI jar as a resource; it is written once per content hash
 * to the per-user cache folder ({@link UserCache}: refused when another user could write to it)
 * so that concurrent runs share it safely. Beside it goes the agent's
 * bootstrap runtime ({@code io/jfrtrace/runtime/}) as a jar of its own, which record puts on
 * {@code -Xbootclasspath/a}: appending it at run time instead makes HotSpot print a warning about
 * class data sharing on every run. That jar is made by the agent's own
 * {@code io.jfrtrace.recorder.RuntimeJar}, loaded from the agent jar in a class loader of its own
 * (the agent is never on the CLI's class path), so that record and a plain -javaagent share one
 * implementation and one cached file. It is given the folder checked here: that class's own copy
 * of the folder rule would choose again (and, without a home, make a second temp folder).
 */
public record AgentJar(Path agent, Path runtime) {
    private static final String RESOURCE = "/jfr-trace-agent.jar";

    /** What {@link #prefetch} started, until {@link #locate} takes it. */
    private static volatile FutureTask<AgentJar> early;

    /**
     * Starts {@link #locate}'s work (about 27 ms of reading, comparing and loading on the quiet VM) on a thread of its
     * own, for a command line that will run a program: it then overlaps picocli's parsing on the second core instead
     * of delaying the program's start. Its result, or its exception, is {@link #locate}'s. {@code then}: more such
     * work for the same thread, after the jars (its failure only costs the time it would have saved).
     */
    public static void prefetch(Runnable then) {
        FutureTask<AgentJar> task = new FutureTask<>(AgentJar::locateNow);
        Thread t = new Thread(() -> {
            task.run();
            then.run();
        }, "jfr-trace agent files");
        t.setDaemon(true);
        early = task;
        t.start();
    }

    /** The agent and runtime jars; an {@link io.jfrtrace.privatefiles.UnsafeFolderException} before anything is loaded. */
    public static AgentJar locate() throws IOException {
        FutureTask<AgentJar> task = early;
        early = null;
        if (task == null) {
            return locateNow();
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while preparing the agent jar");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    private static AgentJar locateNow() throws IOException {
        Path cache = UserCache.folder();
        Path agent = agentJar();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {agent.toUri().toURL()}, null)) {
            Method cached = loader.loadClass("io.jfrtrace.recorder.RuntimeJar").getMethod("cached", Path.class, Path.class);
            return new AgentJar(agent, (Path) cached.invoke(null, agent, cache));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IOException("the agent jar " + agent + " has no usable io.jfrtrace.recorder.RuntimeJar: " + e);
        }
    }

    private static Path agentJar() throws IOException {
        String override = System.getProperty("jfrtrace.agent");
        if (override != null) {
            return Paths.get(override).toAbsolutePath();
        }
        Path jar = CachedResource.extract(RESOURCE, "jfr-trace-agent", ".jar");
        if (jar == null) {
            throw new IOException("the agent jar is missing from this build of jfr-trace (rebuild with mvn package)");
        }
        return jar;
    }
}
