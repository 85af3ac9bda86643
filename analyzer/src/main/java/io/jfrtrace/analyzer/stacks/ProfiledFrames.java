package io.jfrtrace.analyzer.stacks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jfrtrace.analyzer.pstats.FunctionKey;

/**
 * Which profiled function a sampled frame is in. A JVM sample names a frame by its class and method (the file only as
 * the package implies it, {@code com/example/Outer.java}, and the line that was running), a profile by the class's
 * source file and the method's first line ({@code com/example/Util.kt:12(UtilKt.run)}): so a frame matches by its
 * package folder and function name ({@code Outer$Inner.run} names the class), and among overloads of one name by its
 * line, which lies in the overload with the greatest first line not after it. Built-in entries ({@code ~}) match no
 * frame.
 */
public final class ProfiledFrames {
    /** Package folder and function name → its profile keys, by first line. */
    private final Map<String, List<FunctionKey>> byName = new HashMap<>();
    private final Map<FunctionKey, FunctionKey> cache = new HashMap<>();

    private ProfiledFrames() {
    }

    /** The frames of {@code functions} (a profile's keys). */
    public static ProfiledFrames of(Collection<FunctionKey> functions) {
        ProfiledFrames p = new ProfiledFrames();
        for (FunctionKey f : functions) {
            if (!"~".equals(f.file())) {
                p.byName.computeIfAbsent(name(f), k -> new ArrayList<>()).add(f);
            }
        }
        p.byName.values().forEach(l -> l.sort(Comparator.comparingInt(FunctionKey::line)));
        return p;
    }

    private static String name(FunctionKey f) {
        int slash = f.file().lastIndexOf('/');
        return (slash < 0 ? "" : f.file().substring(0, slash + 1)) + '\0' + f.name();
    }

    /** The profiled function {@code frame} (a sample's: line = the running line, 0 if unknown) is in, or null. */
    public FunctionKey of(FunctionKey frame) {
        return cache.computeIfAbsent(frame, this::find);
    }

    private FunctionKey find(FunctionKey frame) {
        List<FunctionKey> candidates = byName.get(name(frame));
        if (candidates == null) {
            return null;
        }
        FunctionKey best = candidates.get(0);
        for (FunctionKey f : candidates) {
            if (f.line() <= frame.line()) {
                best = f;
            }
        }
        return best;
    }

    /** The profiled functions of a stack (root first), in its order; frames of no profiled function left out. */
    public List<FunctionKey> profiled(List<FunctionKey> rootFirst) {
        List<FunctionKey> out = new ArrayList<>(rootFirst.size());
        for (FunctionKey frame : rootFirst) {
            FunctionKey f = of(frame);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }
}
