package io.jfrtrace.cli.record;

import java.util.List;
import java.util.Set;

/**
 * What the user's {@code java} arguments launch, read the way the java launcher reads them:
 * launcher options (some take the next argument), then {@code -jar FILE}, {@code -m MODULE[/CLASS]},
 * a main class, or a source file; everything after that belongs to the program.
 */
public record JavaCommandLine(Mode mode, String target, String classPath) {
    public enum Mode { CLASS, JAR, MODULE, SOURCE }

    /** Launcher options whose value is the next argument. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of(
            "-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path",
            "--add-modules", "--limit-modules", "--add-reads", "--add-exports", "--add-opens",
            "--patch-module", "--enable-native-access", "--source", "--illegal-access");

    /** Parses {@code args}; returns null if no main class, jar, module or source file is named. */
    public static JavaCommandLine parse(List<String> args) {
        String classPath = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-jar")) {
                return i + 1 < args.size() ? new JavaCommandLine(Mode.JAR, args.get(i + 1), classPath) : null;
            }
            if (a.equals("-m") || a.equals("--module")) {
                return i + 1 < args.size() ? new JavaCommandLine(Mode.MODULE, args.get(i + 1), classPath) : null;
            }
            if (a.startsWith("--module=")) {
                return new JavaCommandLine(Mode.MODULE, a.substring("--module=".length()), classPath);
            }
            if (OPTIONS_WITH_VALUE.contains(a)) {
                if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                    classPath = i + 1 < args.size() ? args.get(i + 1) : null;
                }
                i++;
                continue;
            }
            if (a.startsWith("--class-path=")) {
                classPath = a.substring("--class-path=".length());
                continue;
            }
            if (a.startsWith("-")) {
                continue;
            }
            return new JavaCommandLine(a.endsWith(".java") ? Mode.SOURCE : Mode.CLASS, a, classPath);
        }
        return null;
    }

    /** The base of the default output name: the main class's simple name, or the jar's or module's name. */
    public String outputBaseName() {
        String t = target;
        switch (mode) {
            case JAR, SOURCE -> {
                t = t.substring(t.lastIndexOf('/') + 1);
                int dot = t.lastIndexOf('.');
                return dot > 0 ? t.substring(0, dot) : t;
            }
            case MODULE -> {
                int slash = t.indexOf('/');
                t = slash >= 0 ? t.substring(slash + 1) : t;
                return t.substring(t.lastIndexOf('.') + 1);
            }
            default -> {
                return t.substring(t.lastIndexOf('.') + 1).replace('/', '.');
            }
        }
    }
}
