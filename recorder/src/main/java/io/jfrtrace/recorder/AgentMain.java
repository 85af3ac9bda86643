package io.jfrtrace.recorder;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

import io.jfrtrace.privatefiles.UnsafeFolderException;
import io.jfrtrace.privatefiles.UserCache;
import io.jfrtrace.recorder.options.AgentOptions;
import io.jfrtrace.recorder.options.OptionException;

/**
 * Agent entry point. Deliberately references no {@code io.jfrtrace.runtime} class: the
 * runtime must first be appended to the bootstrap class path so that every class loader
 * (and this agent, by parent-first delegation) sees the one bootstrap copy.
 */
public final class AgentMain {
    private static boolean started;
    /** The recording {@code jfr-trace attach} started here, until {@code attach --stop} ends it. */
    private static Attachment attached;

    private AgentMain() {
    }

    public static void premain(String args, Instrumentation inst) {
        boot(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        boot(args, inst, true);
    }

    private static synchronized void boot(String args, Instrumentation inst, boolean attach) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (OptionException e) {
            System.err.println(e.getMessage());
            return;
        }
        if (attach && options.replyFile != null) {
            reply(options.replyFile, options.stop ? stopAttached() : startAttached(options, inst));
            return;
        }
        if (started) {
            if (!options.quiet) {
                System.err.println("jfr-trace agent: already running, ignoring second start");
            }
            return;
        }
        try {
            try {
                appendRuntimeToBootstrap(inst);
            } catch (Throwable t) {
                // an unsafe cache folder says what to do in its message
                System.err.println("jfr-trace agent: cannot install the runtime on the bootstrap class path: "
                        + (t instanceof UnsafeFolderException ? t.getMessage() : t));
                return;
            }
            started = true;
            Agent.start(options, inst, attach);
        } finally {
            markStarted(options.startedFile);
        }
    }

    /**
     * {@code jfr-trace attach}: the recording and the woven classes, or why not. The reply's forms are {@code started
     * CLASSES OUTPUT}, {@code stopped CLASSES OUTPUT} and {@code error MESSAGE} (read by the CLI's AttachReply).
     */
    private static String startAttached(AgentOptions options, Instrumentation inst) {
        if (started) {
            return "error jfr-trace is already recording in this JVM"
                    + (attached != null ? " (end it with jfr-trace attach --stop)" : "");
        }
        try {
            appendRuntimeToBootstrap(inst);
            Attachment a = Agent.start(options, inst, true);
            if (a == null) {
                return "error nothing to instrument with these options";
            }
            started = true;
            attached = a;
            return "started " + a.classes() + " " + a.output;
        } catch (Throwable t) {
            return "error " + (t instanceof UnsafeFolderException || t instanceof IllegalStateException
                    ? t.getMessage() : t.toString());
        }
    }

    private static String stopAttached() {
        Attachment a = attached;
        if (a == null) {
            return "error no jfr-trace attach recording is running in this JVM";
        }
        attached = null;
        try {
            return "stopped " + a.detach() + " " + a.output;
        } catch (Throwable t) {
            return "error cannot end the recording: " + t;
        } finally {
            started = false; // a later attach may record again
        }
    }

    private static void reply(String file, String text) {
        try {
            Files.writeString(Path.of(file), text.replace('\n', ' ') + "\n");
        } catch (IOException e) {
            System.err.println("jfr-trace agent: " + text + " (cannot tell jfr-trace attach: " + e + ")");
        }
    }

    /**
     * Tells jfr-trace record that the program's main is about to run: a JVM that ends without this
     * file could not start, or was stopped before the program began.
     */
    private static void markStarted(String file) {
        if (file == null) {
            return;
        }
        try {
            Files.createFile(Path.of(file));
        } catch (IOException e) {
            // already there (a second agent start) or record's folder is gone: nothing to tell
        }
    }

    private static boolean runtimeOnBootstrapPath() {
        try {
            Class.forName("io.jfrtrace.runtime.Profiler", false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void appendRuntimeToBootstrap(Instrumentation inst) throws Exception {
        if (runtimeOnBootstrapPath()) {
            return; // jfr-trace record put it there with -Xbootclasspath/a (no CDS warning that way)
        }
        File self = new File(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!self.isFile()) {
            return; // running from a directory (development): classes already visible
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(RuntimeJar.cached(self.toPath(), UserCache.folder()).toFile()));
    }
}
