package io.jfrtrace.cli.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import io.jfrtrace.privatefiles.CachedFile;
import io.jfrtrace.privatefiles.ContentName;
import io.jfrtrace.privatefiles.UserCache;

/**
 * A file that travels inside the CLI jar (the agent jar, the native libraries), kept in the per-user cache folder
 * under a name that carries its content hash, and used from there only when it holds exactly these bytes.
 */
public final class CachedResource {
    private CachedResource() {
    }

    /** {@code <cache>/<stem>-<hash><suffix>}, or null if the jar does not hold {@code resource}. */
    public static Path extract(String resource, String stem, String suffix) throws IOException {
        byte[] bytes;
        try (InputStream in = CachedResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            bytes = in.readAllBytes();
        }
        return CachedFile.ensure(UserCache.folder(), stem + "-" + ContentName.of(bytes) + suffix, bytes);
    }
}
