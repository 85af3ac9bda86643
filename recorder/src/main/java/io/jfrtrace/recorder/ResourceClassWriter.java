package io.jfrtrace.recorder;

import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.ClassWriter;

/**
 * A ClassWriter whose {@link #getCommonSuperClass} reads class files through the defining
 * loader's resources ({@link ClassHeaders}) instead of loading classes.
 */
final class ResourceClassWriter extends ClassWriter {
    private final ClassHeaders headers;

    ResourceClassWriter(int flags, ClassHeaders headers) {
        super(flags);
        this.headers = headers;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        if (type1.equals(type2)) {
            return type1;
        }
        if ("java/lang/Object".equals(type1) || "java/lang/Object".equals(type2)) {
            return "java/lang/Object";
        }
        ClassHeaders.Header i1 = headers.header(type1);
        ClassHeaders.Header i2 = headers.header(type2);
        if (i1.isInterface() || i2.isInterface()) {
            return "java/lang/Object";
        }
        Set<String> ancestors = new HashSet<>();
        for (String t = type1; t != null; t = superOf(t)) {
            ancestors.add(t);
        }
        for (String t = type2; t != null; t = superOf(t)) {
            if (ancestors.contains(t)) {
                return t;
            }
        }
        return "java/lang/Object";
    }

    private String superOf(String name) {
        return "java/lang/Object".equals(name) ? null : headers.header(name).superName();
    }
}
