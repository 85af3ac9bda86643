package io.jfrtrace.cli.record;

import java.util.ArrayList;
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

    /**
     * {@code app.jar ARGS} as {@code -jar app.jar ARGS}: what the user means where a main class would stand (as
     * {@code python -m cProfile app.py} takes the script), which the java launcher itself would take for a class
     * named {@code jar} in a package {@code app}. Other arguments are returned as they are.
     */
    public static List<String> withJarShortcut(List<String> args) {
        int at = mainIndex(args);
        if (at < 0 || !args.get(at).endsWith(".jar") || at > 0 && args.get(at - 1).equals("-jar")) {
            return args;
        }
        List<String> out = new ArrayList<>(args);
        out.add(at, "-jar");
        return out;
    }

    /** Parses {@code args}; returns null if no main class, jar, module or source file is named. */
    public static JavaCommandLine parse(List<String> args) {
        int at = mainIndex(args);
        if (at < 0 || at >= args.size()) {
            return null;
        }
        String classPath = null;
        for (int i = 0; i < at; i++) {
            String a = args.get(i);
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                classPath = args.get(i + 1);
            } else if (a.startsWith("--class-path=")) {
                classPath = a.substring("--class-path=".length());
            }
        }
        String target = args.get(at);
        String before = at > 0 ? args.get(at - 1) : "";
        if (before.equals("-jar")) {
            return new JavaCommandLine(Mode.JAR, target, classPath);
        }
        if (before.equals("-m") || before.equals("--module")) {
            return new JavaCommandLine(Mode.MODULE, target, classPath);
        }
        if (target.startsWith("--module=")) {
            return new JavaCommandLine(Mode.MODULE, target.substring("--module=".length()), classPath);
        }
        return new JavaCommandLine(target.endsWith(".java") ? Mode.SOURCE : Mode.CLASS, target, classPath);
    }

    /**
     * Where the launched thing is named, read as the java launcher reads its options: the argument after
     * {@code -jar}, {@code -m}/{@code --module}, a {@code --module=} argument, or the first argument that is no
     * option; -1 if none (or past the end when {@code -jar} or {@code -m} ends the list).
     */
    private static int mainIndex(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-jar") || a.equals("-m") || a.equals("--module")) {
                return i + 1;
            }
            if (a.startsWith("--module=")) {
                return i;
            }
            if (OPTIONS_WITH_VALUE.contains(a)) {
                i++;
                continue;
            }
            if (!a.startsWith("-")) {
                return i;
            }
        }
        return -1;
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
