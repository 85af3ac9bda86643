package io.jfrtrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks made before work starts, so that an unwritable output fails fast and in one line. */
final class OutputFiles {
    private OutputFiles() {
    }

    static void checkWritable(Path out) {
        Path abs = out.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new CliException(ExitCodes.CANNOT_WRITE, "cannot write " + out + ": it is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.CANNOT_WRITE, "cannot write " + out + ": directory " + dir + " does not exist");
        }
        if (Files.exists(abs) ? !Files.isWritable(abs) : !Files.isWritable(dir)) {
            throw new CliException(ExitCodes.CANNOT_WRITE, "cannot write " + out + ": permission denied");
        }
    }
}
