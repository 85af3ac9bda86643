package io.jfrtrace.privatefiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The rule for a folder jfr-trace loads code from: no other user may be able to put a file there, now or later.
 * So the folder is a real folder (not a symbolic link), it is yours, and neither its group nor others may write
 * to it; and every folder above it (symbolic links resolved) belongs to you or to root and lets no one else
 * rename what is in it: not writable by group or others, unless it has the sticky bit, as /tmp does.
 */
final class SafeFolder {
    private static final int STICKY = 01000;

    private SafeFolder() {
    }

    /** What is wrong with the folder {@code dir} itself, or null when it is safe for {@code me}. */
    static String problemWith(Path dir, UserPrincipal me) throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            return "it is a symbolic link";
        }
        if (!a.isDirectory()) {
            return "it is not a folder";
        }
        if (!a.owner().equals(me)) {
            return "it belongs to " + a.owner().getName() + ", not to you (" + me.getName() + ")";
        }
        String writers = otherWriters(a.permissions());
        return writers == null ? null : "it is writable by " + writers + " (mode " + mode(dir, a) + ")";
    }

    /**
     * What is wrong with the folders above {@code dir} (which need not exist yet: from the nearest that does),
     * or null when they are safe for {@code me}.
     */
    static String problemAbove(Path dir, UserPrincipal me, UserPrincipal root) throws IOException {
        Path p = dir.toAbsolutePath().getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        for (p = p == null ? null : p.toRealPath(); p != null; p = p.getParent()) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
            if (!a.owner().equals(me) && !a.owner().equals(root)) {
                return "the folder above it, " + p + ", belongs to " + a.owner().getName();
            }
            String writers = otherWriters(a.permissions());
            if (writers != null && (unixMode(p) & STICKY) == 0) {
                return "the folder above it, " + p + ", is writable by " + writers + " and has no sticky bit (mode " + mode(p, a) + ")";
            }
        }
        return null;
    }

    /** "others", "its group", or null when only the owner may write. */
    private static String otherWriters(Set<PosixFilePermission> perms) {
        if (perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            return "others";
        }
        return perms.contains(PosixFilePermission.GROUP_WRITE) ? "its group" : null;
    }

    /** Octal, with the sticky bit when the file system tells it. */
    private static String mode(Path p, PosixFileAttributes a) {
        int m = 0;
        for (PosixFilePermission perm : a.permissions()) {
            m |= 0400 >> perm.ordinal(); // OWNER_READ (0400) ... OTHERS_EXECUTE (0001), in that order
        }
        return Integer.toOctalString(m | (unixMode(p) & STICKY));
    }

    /** The full mode from the JDK's "unix" attribute view (it alone knows the sticky bit), or 0 without it. */
    private static int unixMode(Path p) {
        try {
            return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }
}
