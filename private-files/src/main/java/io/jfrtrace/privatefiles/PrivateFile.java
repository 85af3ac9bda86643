package io.jfrtrace.privatefiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner can read or write ({@code 0600}, folders {@code 0700}), whatever the umask: the mode is
 * given when the file is created, so it is never readable by others, not even for a moment.
 */
public final class PrivateFile {
    /** Whether files have owners and modes here (not on Windows). */
    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFile() {
    }

    /**
     * Makes {@code file} a new empty file of its owner alone. A regular file already there is replaced, never
     * reopened: its old mode, or a reader that has it open, would see the new data. A symbolic link is followed
     * (to {@code /dev/stderr}, say) and its target treated the same way; a device or a pipe is left as it is,
     * to be written to. A link to nowhere is refused: creating its target is the classic planted-link attack.
     */
    public static void create(Path file) throws IOException {
        Path target = file;
        if (Files.isSymbolicLink(file)) {
            try {
                target = file.toRealPath();
            } catch (NoSuchFileException dangling) {
                throw new IOException(file + " is a symbolic link to a file that does not exist");
            }
        }
        if (Files.isDirectory(target)) {
            throw new IOException(file + " is a directory");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return; // a device or a pipe
        }
        Files.deleteIfExists(target);
        Files.createFile(target, attributes(false)); // fails if someone put a file there meanwhile
    }

    /** {@link #create} the file, then open it for writing. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        create(file);
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Creates the new folder {@code dir}, its owner's alone ({@code 0700}) whatever the umask. */
    public static void createFolder(Path dir) throws IOException {
        Files.createDirectory(dir, attributes(true));
    }

    /** Replaces {@code to} by a private copy of {@code from} (which keeps its own mode). */
    public static void copy(Path from, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(from); OutputStream out = newOutputStream(to)) {
            in.transferTo(out);
        }
    }

    /** {@code 0700} folders (with any missing parents), or {@code 0600} files, where the file system has modes. */
    static FileAttribute<?>[] attributes(boolean folder) {
        if (!POSIX) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(folder ? "rwx------" : "rw-------"))};
    }
}
