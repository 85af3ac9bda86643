package io.jfrtrace.recorder;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the instrumenter needs to know of other classes — super class, interfaces, methods — read
 * from their class files through the defining loader's resources, never by loading them (loading
 * from inside a transformer is unsafe). One instance per class being instrumented; the JDK's
 * classes look the same from every loader and are cached for all.
 */
final class ClassHeaders {
    /** A class's place in the hierarchy. */
    record Header(String name, String superName, List<String> interfaces, boolean isInterface) {
    }

    private static final Map<String, Header> JDK_HEADERS = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> JDK_METHODS = new ConcurrentHashMap<>();

    private final ClassLoader loader;
    private final Map<String, Header> headers = new HashMap<>();
    private final Map<String, Set<String>> methods = new HashMap<>();

    ClassHeaders(ClassLoader loader) {
        this.loader = loader;
    }

    static boolean isJdk(String name) {
        return name.startsWith("java/") || name.startsWith("javax/") || name.startsWith("jdk/") || name.startsWith("sun/");
    }

    /** Declares a class whose header is already known (the one being instrumented). */
    void declare(String name, String superName, List<String> interfaces, boolean isInterface) {
        headers.put(name, new Header(name, superName, List.copyOf(interfaces), isInterface));
    }

    /** The header of {@code name}; TypeNotPresentException if its class file cannot be read. */
    Header header(String name) {
        Header h = headers.get(name);
        if (h == null) {
            h = isJdk(name) ? JDK_HEADERS.get(name) : null;
            if (h == null) {
                ClassReader cr = read(name);
                h = new Header(name, cr.getSuperName(), List.of(cr.getInterfaces()),
                        (cr.getAccess() & Opcodes.ACC_INTERFACE) != 0);
                if (isJdk(name)) {
                    JDK_HEADERS.put(name, h);
                }
            }
            headers.put(name, h);
        }
        return h;
    }

    /**
     * The instance methods {@code name} declares (neither static nor private nor constructors), as
     * name + descriptor; TypeNotPresentException if its class file cannot be read.
     */
    Set<String> declaredInstanceMethods(String name) {
        Set<String> m = methods.get(name);
        if (m == null) {
            m = isJdk(name) ? JDK_METHODS.get(name) : null;
            if (m == null) {
                Set<String> found = new HashSet<>();
                read(name).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String n, String desc, String sig, String[] ex) {
                        if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0 && !n.startsWith("<")) {
                            found.add(n + desc);
                        }
                        return null;
                    }
                }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                m = Set.copyOf(found);
                if (isJdk(name)) {
                    JDK_METHODS.put(name, m);
                }
            }
            methods.put(name, m);
        }
        return m;
    }

    private ClassReader read(String name) {
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
                return new ClassReader(is);
            }
        } catch (IOException e) {
            throw new TypeNotPresentException(name.replace('/', '.'), e);
        }
    }
}
