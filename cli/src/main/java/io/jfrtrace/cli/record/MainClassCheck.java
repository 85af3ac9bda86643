package io.jfrtrace.cli.record;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * Finds out before launching whether the JVM will find what it is asked to run, so that a typo
 * gives one clear line instead of the launcher's error and a {@code ClassNotFoundException}.
 * Returns a problem description, or null when the target is found or cannot be checked
 * (modules, source files): then the JVM has the last word.
 */
public final class MainClassCheck {
    private MainClassCheck() {
    }

    public static String problem(JavaCommandLine cmd, String classPathEnv, Path workDir) {
        return switch (cmd.mode()) {
            case JAR -> jarProblem(workDir.resolve(cmd.target()), cmd.target());
            case CLASS -> classProblem(cmd, classPathEnv, workDir);
            default -> null;
        };
    }

    private static String jarProblem(Path jar, String given) {
        if (!Files.isRegularFile(jar)) {
            return "jar file " + given + " not found";
        }
        try (JarFile jf = new JarFile(jar.toFile())) {
            var mf = jf.getManifest();
            String main = mf == null ? null : mf.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            return main == null ? "jar file " + given + " has no Main-Class in its manifest" : null;
        } catch (IOException e) {
            return "jar file " + given + " cannot be read: " + e.getMessage();
        }
    }

    private static String classProblem(JavaCommandLine cmd, String classPathEnv, Path workDir) {
        String cp = cmd.classPath() != null ? cmd.classPath() : classPathEnv != null ? classPathEnv : ".";
        String resource = cmd.target().replace('.', '/') + ".class";
        for (Path entry : expand(cp, workDir)) {
            if (Files.isDirectory(entry)) {
                if (Files.isRegularFile(entry.resolve(resource))) {
                    return null;
                }
            } else if (Files.isRegularFile(entry)) {
                try (JarFile jf = new JarFile(entry.toFile())) {
                    if (jf.getEntry(resource) != null) {
                        return null;
                    }
                } catch (IOException e) {
                    // not a jar: the JVM ignores it too
                }
            }
        }
        return "main class " + cmd.target() + " not found in class path '" + cp + "'";
    }

    /** Class path entries, with {@code dir/*} expanded to the jars in dir as the launcher does. */
    private static List<Path> expand(String cp, Path workDir) {
        List<Path> out = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator, -1)) {
            String entry = e.isEmpty() ? "." : e;
            if (entry.equals("*") || entry.endsWith("/*")) {
                Path dir = workDir.resolve(entry.substring(0, entry.length() - 1));
                try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.{jar,JAR}")) {
                    jars.forEach(out::add);
                } catch (IOException ignored) {
                    // a missing directory contributes nothing
                }
            } else {
                out.add(workDir.resolve(entry));
            }
        }
        return out;
    }
}
