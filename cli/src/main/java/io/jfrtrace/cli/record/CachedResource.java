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
 * A file that travels inside the CLI jar (the agent jar, the native crash handler), written once
 * per content hash to a per-user cache folder, atomically, so that concurrent runs share it safely.
 */
final class CachedResource {
    private CachedResource() {
    }

    /** {@code <cache>/<stem>-<hash><suffix>}, or null if the jar does not hold {@code resource}. */
    static Path extract(String resource, String stem, String suffix) throws IOException {
        byte[] bytes;
        try (InputStream in = CachedResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            bytes = in.readAllBytes();
        }
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"), "jfr-trace-" + System.getProperty("user.name"));
        Files.createDirectories(dir);
        Path file = dir.resolve(stem + "-" + sha256(bytes).substring(0, 16) + suffix);
        if (!Files.isRegularFile(file) || Files.size(file) != bytes.length) {
            Path tmp = Files.createTempFile(dir, stem, ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
