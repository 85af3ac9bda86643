package io.jfrtrace.cli.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The recorder agent travels inside the CLI jar as a resource; it is written once per content
 * hash to a per-user cache folder so that concurrent runs share it safely.
 */
public final class AgentJar {
    private static final String RESOURCE = "/jfr-trace-agent.jar";

    private AgentJar() {
    }

    public static Path locate() throws IOException {
        String override = System.getProperty("jfrtrace.agent");
        if (override != null) {
            return Paths.get(override);
        }
        byte[] bytes;
        try (InputStream in = AgentJar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the agent jar is missing from this build of jfr-trace (rebuild with mvn package)");
            }
            bytes = in.readAllBytes();
        }
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"), "jfr-trace-" + System.getProperty("user.name"));
        Files.createDirectories(dir);
        Path jar = dir.resolve("jfr-trace-agent-" + sha256(bytes).substring(0, 16) + ".jar");
        if (!Files.isRegularFile(jar) || Files.size(jar) != bytes.length) {
            Path tmp = Files.createTempFile(dir, "agent", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return jar;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
