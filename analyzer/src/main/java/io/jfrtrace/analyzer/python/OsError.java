package io.jfrtrace.analyzer.python;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code OSError} Python's {@code open(filename, 'rb')} raises, with its {@code errno}, {@code strerror} (Linux's
 * texts) and the file name as given; {@link #pyStr()} is {@code str(err)}.
 */
public final class OsError extends IOException {
    /** Linux's texts for the errors Java reports only by their text (a {@link FileSystemException}'s reason). */
    private static final Map<String, Integer> ERRNO_OF_REASON = Map.of(
            "Not a directory", 20, "Too many levels of symbolic links", 40, "File name too long", 36,
            "Permission denied", 13, "No such file or directory", 2, "Is a directory", 21);

    private final int errno;
    private final String strerror;
    private final String filename;

    public OsError(int errno, String strerror, String filename) {
        super("[Errno " + errno + "] " + strerror + ": " + PyStr.repr(filename));
        this.errno = errno;
        this.strerror = strerror;
        this.filename = filename;
    }

    /**
     * Raises what {@code open(filename, 'rb')} would raise, if anything; Python opens through the file system as is,
     * so "" is a missing file (not the current directory) and a directory cannot be opened.
     *
     * @throws IllegalArgumentException for a name with a NUL character ({@code ValueError: embedded null byte})
     */
    public static void checkReadable(String filename) throws OsError {
        if (filename.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("embedded null byte");
        }
        if (filename.isEmpty()) {
            throw new OsError(2, "No such file or directory", filename);
        }
        Path path = Path.of(filename);
        if (Files.isDirectory(path)) {
            throw new OsError(21, "Is a directory", filename);
        }
        try (SeekableByteChannel ignored = Files.newByteChannel(path)) {
            return;
        } catch (NoSuchFileException e) {
            throw new OsError(2, "No such file or directory", filename);
        } catch (AccessDeniedException e) {
            throw new OsError(13, "Permission denied", filename);
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "Input/output error" : e.getReason();
            throw new OsError(ERRNO_OF_REASON.getOrDefault(reason, 5), reason, filename);
        } catch (IOException e) {
            throw new OsError(5, "Input/output error", filename);
        }
    }

    public int errno() {
        return errno;
    }

    /** {@code err.args[1]}, e.g. {@code No such file or directory}. */
    public String strerror() {
        return strerror;
    }

    public String filename() {
        return filename;
    }

    /** {@code str(err)}: {@code [Errno 2] No such file or directory: 'nofile'}. */
    public String pyStr() {
        return getMessage();
    }
}
