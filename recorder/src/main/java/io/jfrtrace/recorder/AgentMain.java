package io.jfrtrace.recorder;

import java.io.File;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Agent entry point. Deliberately references no {@code io.jfrtrace.runtime} class: the
 * runtime must first be appended to the bootstrap class path so that every class loader
 * (and this agent, by parent-first delegation) sees the one bootstrap copy.
 */
public final class AgentMain {
    static final String RUNTIME_PREFIX = "io/jfrtrace/runtime/";
    private static boolean started;

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
        } catch (AgentOptions.OptionException e) {
            System.err.println(e.getMessage());
            return;
        }
        if (started) {
            if (!options.quiet) {
                System.err.println("jfr-trace agent: already running, ignoring second start");
            }
            return;
        }
        try {
            appendRuntimeToBootstrap(inst);
        } catch (Throwable t) {
            System.err.println("jfr-trace agent: cannot install the runtime on the bootstrap class path: " + t);
            return;
        }
        started = true;
        Agent.start(options, inst, attach);
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
        Path tmp = Files.createTempFile("jfr-trace-runtime", ".jar");
        tmp.toFile().deleteOnExit();
        try (JarFile jar = new JarFile(self);
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
            Enumeration<JarEntry> en = jar.entries();
            while (en.hasMoreElements()) {
                JarEntry e = en.nextElement();
                if (e.isDirectory() || !e.getName().startsWith(RUNTIME_PREFIX)) {
                    continue;
                }
                out.putNextEntry(new JarEntry(e.getName()));
                try (InputStream in = jar.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(tmp.toFile()));
    }
}
