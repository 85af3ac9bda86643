package io.jfrtrace.privatefiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * A file of the cache folder, named for its content by the caller: used only when it holds exactly the expected
 * bytes (a file of the same size is not enough: it could be anything), else written anew, {@code 0600}, to a
 * temporary name and renamed into place, so that concurrent runs never see a partial file.
 */
public final class CachedFile {
    private CachedFile() {
    }

    /** {@code folder/name} holding {@code content}, written if it does not hold it yet. */
    public static Path ensure(Path folder, String name, byte[] content) throws IOException {
        Path file = folder.resolve(name);
        if (holds(file, content)) {
            return file;
        }
        Path tmp = Files.createTempFile(folder, name, ".tmp", PrivateFile.attributes(false));
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    /** A regular file that no one else may write to, holding {@code content} byte for byte. */
    static boolean holds(Path file, byte[] content) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != content.length) {
            return false;
        }
        if (PrivateFile.POSIX) {
            Set<PosixFilePermission> perms = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions();
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                return false;
            }
        }
        return Arrays.equals(Files.readAllBytes(file), content);
    }
}
