package io.jfrtrace.privatefiles;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The 16 hex digits that name a cached file after its content ({@link CachedFile}): CRC-32C and CRC-32 of the bytes,
 * 64 bits. Not a cryptographic hash, and it need not be one: a cached file is used only when it holds exactly the
 * expected bytes, so a name is only where to look. SHA-256 cost every {@code record} about 70 ms of start-up (its
 * security providers' set-up, in the CLI's C1-only JVM); these two checksums take about 2 ms for the agent jar.
 */
public final class ContentName {
    private ContentName() {
    }

    /** The name part for {@code content}. */
    public static String of(byte[] content) {
        CRC32C c = new CRC32C();
        c.update(content, 0, content.length);
        CRC32 d = new CRC32();
        d.update(content, 0, content.length);
        String hex = Long.toHexString(c.getValue() << 32 | d.getValue()); // not String.format: the agent uses this too
        return "0".repeat(16 - hex.length()) + hex;
    }
}
