package io.jfrtrace.privatefiles;

import java.io.IOException;
import java.nio.file.Path;

/** The cache folder is one another user could write to: jfr-trace loads nothing from it. */
public final class UnsafeFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsafeFolderException(Path folder, String problem) {
        super("unsafe cache folder " + folder + ": " + problem + "; remove it, or set XDG_CACHE_HOME to a folder of your own");
    }
}
