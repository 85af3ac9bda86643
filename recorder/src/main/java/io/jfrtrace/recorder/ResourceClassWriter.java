package io.jfrtrace.recorder;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A ClassWriter whose {@link #getCommonSuperClass} reads class files through the defining
 * loader's resources instead of loading classes (loading from inside a transformer is unsafe).
 */
final class ResourceClassWriter extends ClassWriter {
    /** Hierarchy info: super class name (null for Object) and whether it is an interface. */
    static final class Info {
        final String superName;
        final boolean isInterface;

        Info(String superName, boolean isInterface) {
            this.superName = superName;
            this.isInterface = isInterface;
        }
    }

    /** JDK classes look the same from every loader: cache them globally. */
    private static final Map<String, Info> JDK_CACHE = new ConcurrentHashMap<>();

    private final ClassLoader loader;
    private final Map<String, Info> local = new HashMap<>();

    ResourceClassWriter(int flags, ClassLoader loader) {
        super(flags);
        this.loader = loader;
    }

    /** Declares a class whose hierarchy is already known (e.g. the one being written). */
    void declare(String name, String superName, boolean isInterface) {
        local.put(name, new Info(superName, isInterface));
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        if (type1.equals(type2)) {
            return type1;
        }
        if ("java/lang/Object".equals(type1) || "java/lang/Object".equals(type2)) {
            return "java/lang/Object";
        }
        Info i1 = info(type1);
        Info i2 = info(type2);
        if (i1.isInterface || i2.isInterface) {
            return "java/lang/Object";
        }
        Set<String> ancestors = new HashSet<>();
        for (String t = type1; t != null; t = info(t).superName) {
            ancestors.add(t);
        }
        for (String t = type2; t != null; t = info(t).superName) {
            if (ancestors.contains(t)) {
                return t;
            }
        }
        return "java/lang/Object";
    }

    private Info info(String name) {
        if ("java/lang/Object".equals(name)) {
            return new Info(null, false);
        }
        Info i = local.get(name);
        if (i != null) {
            return i;
        }
        boolean jdk = name.startsWith("java/") || name.startsWith("javax/") || name.startsWith("jdk/")
                || name.startsWith("sun/");
        if (jdk) {
            i = JDK_CACHE.get(name);
            if (i != null) {
                return i;
            }
        }
        i = read(name);
        if (jdk) {
            JDK_CACHE.put(name, i);
        } else {
            local.put(name, i);
        }
        return i;
    }

    private Info read(String name) {
        String res = name + ".class";
        try {
            InputStream in = loader != null ? loader.getResourceAsStream(res) : null;
            if (in == null) {
                in = ClassLoader.getSystemResourceAsStream(res);
            }
            if (in == null) {
                throw new TypeNotPresentException(name.replace('/', '.'), null);
            }
            try (InputStream is = in) {
                ClassReader cr = new ClassReader(is);
                return new Info(cr.getSuperName(), (cr.getAccess() & Opcodes.ACC_INTERFACE) != 0);
            }
        } catch (IOException e) {
            throw new TypeNotPresentException(name.replace('/', '.'), e);
        }
    }
}
