package io.jfrtrace.recorder;

import java.io.File;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
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
        Path runtime;
        try (JarFile jar = new JarFile(self)) {
            runtime = cachedRuntimeJar(jar);
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(runtime.toFile()));
    }

    /**
     * The runtime entries of the agent jar as a jar of their own, kept per content in the per-user
     * cache folder that jfr-trace record also uses: written once, atomically, shared by concurrent
     * JVMs, and not left behind once per run by JVMs that end without running exit hooks.
     */
    private static Path cachedRuntimeJar(JarFile jar) throws Exception {
        List<JarEntry> entries = new ArrayList<>();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (JarEntry e : Collections.list(jar.entries())) {
            if (!e.isDirectory() && e.getName().startsWith(RUNTIME_PREFIX)) {
                entries.add(e);
                digest.update((e.getName() + ':' + e.getCrc() + ':' + e.getSize() + '\n').getBytes(StandardCharsets.UTF_8));
            }
        }
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"), "jfr-trace-" + System.getProperty("user.name"));
        Files.createDirectories(dir);
        Path file = dir.resolve("jfr-trace-runtime-" + HexFormat.of().formatHex(digest.digest(), 0, 8) + ".jar");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path tmp = Files.createTempFile(dir, "jfr-trace-runtime", ".tmp");
        try {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
                for (JarEntry e : entries) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    try (InputStream in = jar.getInputStream(e)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }
}
