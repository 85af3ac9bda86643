package io.jfrtrace.privatefiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The per-user cache folder of the code jfr-trace loads: {@code $XDG_CACHE_HOME/jfr-trace}, else
 * {@code ~/.cache/jfr-trace}, created {@code 0700}. A folder there that another user could write to (see
 * {@link SafeFolder}) is refused: {@link UnsafeFolderException}, never repaired or worked around, since it means
 * someone may have planted code in it. Without a home to put it in (or where it cannot be created), a fresh
 * {@code 0700} folder in the temp directory serves this process and is removed when it ends; never a folder with
 * a name another user could guess and create first.
 */
public final class UserCache {
    static final String NAME = "jfr-trace";

    private static Path folder;

    private UserCache() {
    }

    /** This process's cache folder, chosen and checked once. */
    public static synchronized Path folder() throws IOException {
        if (folder == null) {
            folder = open(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"),
                    Path.of(System.getProperty("java.io.tmpdir")));
        }
        return folder;
    }

    /** {@code $XDG_CACHE_HOME/jfr-trace} (an absolute path: the XDG rule), else {@code HOME/.cache/jfr-trace}, else null. */
    static Path location(String xdgCacheHome, String userHome) {
        try {
            if (xdgCacheHome != null && !xdgCacheHome.isEmpty() && Path.of(xdgCacheHome).isAbsolute()) {
                return Path.of(xdgCacheHome, NAME);
            }
            if (userHome != null && !userHome.isEmpty() && Path.of(userHome).isAbsolute() && Files.isDirectory(Path.of(userHome))) {
                return Path.of(userHome, ".cache", NAME);
            }
        } catch (InvalidPathException e) {
            // no usable place
        }
        return null;
    }

    static Path open(String xdgCacheHome, String userHome, Path tmp) throws IOException {
        Path dir = location(xdgCacheHome, userHome);
        if (dir == null) {
            return temporary(tmp);
        }
        UserPrincipal me = PrivateFile.POSIX ? me(tmp) : null;
        if (me != null) { // nothing is created under a folder another user could change
            String above = SafeFolder.problemAbove(dir, me, principal("root"));
            if (above != null) {
                throw new UnsafeFolderException(dir, above, "set XDG_CACHE_HOME to a folder of your own");
            }
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) { // whatever is there is checked below
            try {
                Files.createDirectories(dir, PrivateFile.attributes(true));
            } catch (FileAlreadyExistsException raced) {
                // checked below
            } catch (IOException cannotCreate) {
                return temporary(tmp); // e.g. a read-only home
            }
        }
        if (me != null) {
            String problem = SafeFolder.problemWith(dir, me);
            if (problem != null) {
                throw new UnsafeFolderException(dir, problem, "remove it, or set XDG_CACHE_HOME to a folder of your own");
            }
        }
        return dir;
    }

    /** A fresh private folder with an unguessable name, removed with its files when this process ends. */
    private static Path temporary(Path tmp) throws IOException {
        Path dir = Files.createTempDirectory(tmp, NAME + "-cache", PrivateFile.attributes(true));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "jfr-trace-cache-cleanup"));
        return dir;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a private temp folder left behind harms no one
        }
    }

    /**
     * The user this process runs as: by {@code user.name}, or, for a user id without a name (containers), as the
     * owner of a file it creates.
     */
    private static UserPrincipal me(Path tmp) throws IOException {
        UserPrincipal byName = principal(System.getProperty("user.name"));
        if (byName != null) {
            return byName;
        }
        Path probe = Files.createTempFile(tmp, NAME, ".owner");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.delete(probe);
        }
    }

    private static UserPrincipal principal(String name) throws IOException {
        UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            return name == null ? null : users.lookupPrincipalByName(name);
        } catch (UserPrincipalNotFoundException e) {
            return null;
        }
    }
}
