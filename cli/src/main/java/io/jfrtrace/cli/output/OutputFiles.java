package io.jfrtrace.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;

/** Checks made before work starts, so that an unwritable output fails fast and in one line. */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Seeds the JDK's names of temporary files ({@link Files#createTempFile} draws them from a SecureRandom, whose
     * first seeding takes 7-14 ms in the CLI's JVM), for a thread that has the time before {@link #checkWritable}
     * makes its probe file.
     */
    public static void warmTempNames() {
        new SecureRandom().nextLong();
    }

    public static void checkWritable(Path out) {
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
        // Permission bits do not tell everything (root, /proc, read-only mounts): try it.
        try {
            Files.delete(Files.createTempFile(dir, ".jfr-trace-", ".probe"));
        } catch (IOException e) {
            throw new CliException(ExitCodes.CANNOT_WRITE, "cannot write " + out + ": " + reason(e, dir));
        }
    }

    /** The file system's own words for why a file could not be written. */
    static String reason(IOException e, Path dir) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no file can be created in " + dir;
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
