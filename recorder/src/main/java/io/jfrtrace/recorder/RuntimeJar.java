package io.jfrtrace.recorder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The agent's bootstrap runtime ({@code io/jfrtrace/runtime/}) as a jar of its own, kept once per
 * content in the per-user cache folder: written atomically, shared by concurrent JVMs, never left
 * behind per run. Both users call this one place: {@code jfr-trace record}, which puts the jar on
 * {@code -Xbootclasspath/a} (it loads this class from the agent jar in a class loader of its own),
 * and the agent itself under a plain {@code -javaagent} or attach.
 * Only {@code java.base} is used here, so that such a loader needs nothing else.
 */
public final class RuntimeJar {
    static final String RUNTIME_PREFIX = "io/jfrtrace/runtime/";

    private RuntimeJar() {
    }

    /** The cached runtime jar for {@code agentJar}, written if it is not there yet. */
    public static Path cached(Path agentJar) throws IOException {
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            List<JarEntry> entries = new ArrayList<>();
            MessageDigest digest = sha256();
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
