package io.jfrtrace.cli.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The recorder agent travels inside the CLI jar as a resource; it is written once per content
 * hash to a per-user cache folder so that concurrent runs share it safely. Beside it goes the
 * agent's bootstrap runtime ({@code io/jfrtrace/runtime/}) as a jar of its own, which record
 * puts on {@code -Xbootclasspath/a}: appending it at run time instead makes HotSpot print a
 * warning about class data sharing on every run.
 */
public record AgentJar(Path agent, Path runtime) {
    private static final String RESOURCE = "/jfr-trace-agent.jar";
    private static final String RUNTIME_PREFIX = "io/jfrtrace/runtime/";

    public static AgentJar locate() throws IOException {
        Path agent = agentJar();
        Path runtime = agent.resolveSibling(agent.getFileName().toString().replace(".jar", "-runtime.jar"));
        if (!Files.isRegularFile(runtime)) {
            Path tmp = Files.createTempFile(agent.getParent(), "runtime", ".tmp");
            try (JarFile in = new JarFile(agent.toFile());
                 JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
                for (JarEntry e : Collections.list(in.entries())) {
                    if (!e.isDirectory() && e.getName().startsWith(RUNTIME_PREFIX)) {
                        out.putNextEntry(new JarEntry(e.getName()));
                        try (InputStream is = in.getInputStream(e)) {
                            is.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
            Files.move(tmp, runtime, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return new AgentJar(agent, runtime);
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
