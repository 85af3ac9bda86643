package io.jfrtrace.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.jfrtrace.runtime.FunctionRegistry;
import io.jfrtrace.runtime.Profiler;
import io.jfrtrace.runtime.ThreadProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The call profile's weaving keeps each method's own stack map frames (StackMapFrames) instead of having ASM compute
 * them: the JVM's verifier accepts what it writes (every class of javac, and methods of every shape the frame weaver
 * meets), the woven methods compute what they did, and their calls are counted exactly, exceptions included.
 */
class KeptFramesWeaveTest {
    /** Methods whose frames the weaver must keep right: loops, handlers, wide locals, monitors, switches. */
    public static final class Shapes {
        static class Base {
            final Object seed;

            Base(Object seed) {
                this.seed = seed;
            }
        }

        /** A branch before super(): frames with an uninitialized this. */
        static final class Sub extends Base {
            Sub(boolean a) {
                super(a ? "a" : "b");
            }
        }

        /** A loop whose head is the method's first instruction: a frame at offset 0, jumped back to. */
        public static int loopFirst(int n) {
            while (true) {
                if (--n < 0) {
                    return n;
                }
            }
        }

        /** Two-slot locals before a loop's frame. */
        public static double wide(long a, double b) {
            long c = a * 2;
            double d = b + c;
            for (int i = 0; i < 3; i++) {
                d += i;
            }
            return d + c;
        }

        public static int thrower(int i) {
            if (i % 2 == 0) {
                throw new IllegalStateException("even");
            }
            return i;
        }

        /** A handler in a loop: the resume hook goes after the handler's frame. */
        public static int caught(int n) {
            int s = 0;
            for (int i = 0; i < n; i++) {
                try {
                    s += thrower(i);
                } catch (IllegalStateException e) {
                    s -= 1;
                }
            }
            return s;
        }

        /** A finally block: a catch-all handler of the method's own beside the weaver's. */
        public static int withFinally(int n) {
            int s = 0;
            try {
                s = thrower(n);
            } catch (RuntimeException e) {
                s = -n;
            } finally {
                s += 100;
            }
            return s;
        }

        /** Leaves by an exception only: closed by the weaver's catch-all handler. */
        public static void escapes() {
            thrower(0);
        }

        public static int callsEscaping() {
            try {
                escapes();
                return 0;
            } catch (IllegalStateException e) {
                return 1;
            }
        }

        public static int locked(Object o) {
            synchronized (o) {
                return o.hashCode() == 0 ? 0 : 1;
            }
        }

        public static int table(int k) {
            switch (k) {
                case 1:
                    return 10;
                case 2:
                    return 20;
                case 7:
                    return 70;
                default:
                    return -1;
            }
        }

        public static int strings(String s) {
            switch (s) {
                case "one":
                    return 1;
                case "two":
                    return 2;
                default:
                    return 0;
            }
        }

        public static long lambda(int n) {
            java.util.function.LongUnaryOperator twice = x -> x * 2;
            long t = 0;
            for (int i = 0; i < n; i++) {
                t += twice.applyAsLong(i);
            }
            return t;
        }

        public static String run() {
            return loopFirst(5) + " " + wide(3, 0.5) + " " + caught(6) + " " + withFinally(3) + " " + withFinally(4)
                    + " " + callsEscaping() + " " + locked("x") + " " + table(7) + table(3) + " " + strings("two")
                    + " " + lambda(4) + " " + new Sub(true).seed + new Sub(false).seed;
        }
    }

    @Test
    void wovenMethodsOfEveryShapeAreVerifiedAndComputeWhatTheyDid() throws Exception {
        Class<?> woven = WovenLoader.of(instrumenter(), Shapes.class, Shapes.Base.class, Shapes.Sub.class).loadClass(Shapes.class.getName());
        assertFalse(woven == Shapes.class);
        assertEquals(Shapes.run(), woven.getMethod("run").invoke(null));
    }

    @Test
    void callsAreCountedExactlyAlsoWhenExceptionsLeaveThem() throws Exception {
        Class<?> woven = WovenLoader.of(instrumenter(), Shapes.class, Shapes.Base.class, Shapes.Sub.class).loadClass(Shapes.class.getName());
        Method caught = woven.getMethod("caught", int.class);
        Method escaping = woven.getMethod("callsEscaping");
        Object[] results = new Object[3];
        // on a thread of its own, whose profile nothing else touches
        Thread t = new Thread(() -> {
            try {
                results[0] = caught.invoke(null, 6);
                results[1] = escaping.invoke(null);
                results[2] = escaping.invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
        t.start();
        t.join();
        assertEquals(List.of(Shapes.caught(6), 1, 1), List.of(results));

        ThreadProfile profile = Profiler.profiles().stream().filter(p -> p.owner() == t).findFirst().orElseThrow();
        Map<String, Long> calls = calls(profile, Shapes.class);
        assertEquals(1, calls.get("caught"));
        assertEquals(6 + 2, calls.get("thrower")); // 3 of 6 raise; and once per escapes()
        assertEquals(2, calls.get("escapes"));
        assertEquals(2, calls.get("callsEscaping"));
        assertEquals(0, profile.depth(), "every call ended, also those an exception left");
    }

    @ParameterizedTest(name = "class file version {0}")
    @ValueSource(ints = {Opcodes.V1_5, Opcodes.V1_6, Opcodes.V1_7})
    void oldClassFilesGetStackMapFramesOnlyFromJava6On(int version) throws Exception {
        byte[] old = LineHolderWeaveTest.withVersion(LineHolderWeaveTest.plain(Shapes.Base.class), version);
        byte[] out = instrumenter().instrument(old, getClass().getClassLoader());
        assertNotNull(out);
        assertEquals(version >= Opcodes.V1_6, hasStackMapTable(out));
        WovenLoader loader = new WovenLoader(Map.of(Shapes.Base.class.getName(), out));
        Class<?> c = loader.loadClass(Shapes.Base.class.getName());
        c.getDeclaredMethods(); // links: verifies
        java.lang.reflect.Constructor<?> init = c.getDeclaredConstructor(Object.class);
        init.setAccessible(true);
        assertTrue(c.isInstance(init.newInstance("s")));
    }

    /**
     * javac's own classes, woven and linked (which runs the verifier on each): large methods with every construct
     * Java compiles to.
     */
    @Test
    void everyClassOfJavacWovenIsAcceptedByTheVerifier() throws Exception {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path root = jrt.getPath("/modules/jdk.compiler");
        Map<String, byte[]> woven = new HashMap<>();
        Map<String, byte[]> all = new HashMap<>(); // the whole module in one loader: javac's classes reach each other
        ClassInstrumenter ci = instrumenter();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.equals("module-info")) {
                    continue;
                }
                byte[] plain = Files.readAllBytes(p);
                byte[] out = name.startsWith("com.sun.tools.javac.") ? ci.instrument(plain, getClass().getClassLoader()) : null;
                if (out != null) {
                    woven.put(name, out);
                }
                all.put(name, out != null ? out : plain);
            }
        }
        assertTrue(woven.size() > 500, "javac's classes: " + woven.size());
        WovenLoader loader = new WovenLoader(all);
        List<String> failed = new ArrayList<>();
        int linked = 0;
        for (String name : woven.keySet()) {
            try {
                Class.forName(name, false, loader).getDeclaredMethods(); // links: verifies
                linked++;
            } catch (VerifyError | ClassFormatError e) {
                failed.add(name + ": " + e.getMessage());
            } catch (LinkageError e) {
                // a class that reaches java.base's internals (IllegalAccessError): not the verifier's verdict
            }
        }
        assertEquals(List.of(), failed);
        assertTrue(linked > woven.size() * 9 / 10, linked + " of " + woven.size() + " linked");
    }

    /**
     * A constructor that initializes {@code this} on two paths, as Groovy compiles a super() whose arguments choose the
     * constructor at run time: no handler can open after "the" call (it would cover the other path, where {@code this}
     * is still uninitialized), so its frame is left alone; the class links and runs, its other methods profiled.
     */
    @Test
    void aConstructorThatInitializesThisOnTwoPathsIsLeftAloneAndTheClassLinks() throws Exception {
        String name = "io/jfrtrace/recorder/TwoSupers";
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(Z)V", null, null);
        init.visitCode();
        Label other = new Label();
        Label done = new Label();
        init.visitVarInsn(Opcodes.ILOAD, 1);
        init.visitJumpInsn(Opcodes.IFEQ, other);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitJumpInsn(Opcodes.GOTO, done);
        init.visitLabel(other);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitLabel(done);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor seven = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "seven", "()I", null, null);
        seven.visitCode();
        seven.visitIntInsn(Opcodes.BIPUSH, 7);
        seven.visitInsn(Opcodes.IRETURN);
        seven.visitMaxs(0, 0);
        seven.visitEnd();
        cw.visitEnd();

        byte[] out = instrumenter().instrument(cw.toByteArray(), getClass().getClassLoader());
        assertNotNull(out, "the static method is woven");
        Class<?> c = new WovenLoader(Map.of(name.replace('/', '.'), out)).loadClass(name.replace('/', '.'));
        c.getDeclaredMethods(); // links: verifies
        assertTrue(c.isInstance(c.getConstructor(boolean.class).newInstance(true)));
        assertTrue(c.isInstance(c.getConstructor(boolean.class).newInstance(false)));
        assertEquals(7, c.getMethod("seven").invoke(null));
    }

    private static ClassInstrumenter instrumenter() {
        return new ClassInstrumenter(false, name -> true, new BuiltinRegistry(), FrameHooks.PROFILE, 0, false, false, null);
    }

    /** Per method of {@code c} woven last, its calls in {@code p}. */
    private static Map<String, Long> calls(ThreadProfile p, Class<?> c) {
        long[] fn = p.functionCounters();
        String prefix = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".";
        Map<String, Long> out = new HashMap<>();
        for (int id = 0; id < FunctionRegistry.count(); id++) {
            String name = FunctionRegistry.name(id);
            if (name.startsWith(prefix) && ThreadProfile.STRIDE * id < fn.length) {
                out.put(name.substring(prefix.length()), fn[ThreadProfile.STRIDE * id + ThreadProfile.CALLS]);
            }
        }
        return out;
    }

    private static boolean hasStackMapTable(byte[] classfile) {
        boolean[] found = {false};
        new ClassReader(classfile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
                        found[0] = true;
                    }
                };
            }
        }, 0);
        return found[0];
    }
}
