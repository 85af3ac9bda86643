package io.jfrtrace.privatefiles;

import java.io.IOException;
import java.nio.file.Path;

/** The cache folder is one another user could write to: jfr-trace loads nothing from it. */
public final class UnsafeFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsafeFolderException(Path folder, String problem, String remedy) {
        super("unsafe cache folder " + folder + ": " + problem + "; " + remedy);
    }
}
