package io.jfrtrace.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;

import io.jfrtrace.runtime.LineCounter;
import io.jfrtrace.runtime.LineRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * record mode's line holder (LineHolderMembers): classes of every kind the weaver meets are woven, defined (so the
 * verifier checks them) and run, and their counts are exact per thread, also when two threads race over one class's
 * holder field; a retransformation keeps the members the class was loaded with. (Nestmates, whose host is a
 * top-level class, are in LineCountsIT.)
 */
class LineHolderWeaveTest {
    /** Counted by the tests below: a loop, a constructor, an instance method. */
    public static final class Plain {
        private int total;

        public Plain(int start) {
            total = start;
        }

        public static int run(int n) {
            int t = 0;
            for (int i = 0; i < n; i++) {
                t += step(i);
            }
            return t;
        }

        private static int step(int i) {
            return i & 1;
        }

        public int add(int x) {
            total += x;
            return total;
        }
    }

    /** An interface with a default and a static method: its fields could only be public final, so no holder. */
    public interface Iface {
        default int twice(int x) {
            return helper(x) * 2;
        }

        static int helper(int x) {
            return x + 1;
        }
    }

    public static final class Impl implements Iface {
    }

    public record Rec(int a, int b) {
        public Rec {
            if (a < 0) {
                throw new IllegalArgumentException();
            }
        }

        public int sum() {
            return a + b;
        }
    }

    public enum Kind {
        ONE, TWO;

        public int weight() {
            return ordinal() + 1;
        }
    }

    static ClassInstrumenter instrumenter(boolean holders) {
        return new ClassInstrumenter(false, name -> true, new BuiltinRegistry(), null, 0, true, holders, null);
    }

    static byte[] plain(Class<?> c) throws IOException {
        String file = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = c.getResourceAsStream(file)) {
            return in.readAllBytes();
        }
    }

    /** The class file with another version number (for the old formats' rules: no stack maps, no nests). */
    static byte[] withVersion(byte[] classfile, int version) {
        ClassWriter cw = new ClassWriter(0);
        new ClassReader(classfile).accept(new ClassVisitor(Opcodes.ASM9, cw) {
            @Override
            public void visit(int v, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public void visitNestHost(String nestHost) {
            }
        }, ClassReader.SKIP_FRAMES);
        return cw.toByteArray();
    }

    /**
     * Per thread that ran the class woven last under this name (each weave registers the class anew), its count of
     * each executable line (line -> count).
     */
    static List<Map<Integer, Long>> countsByThread(String className) {
        List<Map<Integer, Long>> out = new ArrayList<>();
        int id = LineRegistry.count() - 1;
        while (!LineRegistry.className(id).equals(className)) {
            id--;
        }
        {
            int[] lines = LineRegistry.lines(id);
            for (LineCounter c : LineCounter.all()) {
                long[][] classes = c.classes();
                if (id < classes.length && classes[id] != null) {
                    Map<Integer, Long> m = new HashMap<>();
                    for (int i = 0; i < lines.length; i++) {
                        m.put(lines[i], classes[id][i]);
                    }
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** The count of {@code line} over all threads. */
    static long total(String className, int line) {
        return countsByThread(className).stream().mapToLong(m -> m.getOrDefault(line, 0L)).sum();
    }

    static boolean hasHolder(Class<?> c) {
        for (Field f : c.getDeclaredFields()) {
            if (f.getName().equals(LineHolderMembers.FIELD)) {
                assertTrue(f.isSynthetic() && Modifier.isPrivate(f.getModifiers()) && Modifier.isStatic(f.getModifiers()));
                return true;
            }
        }
        return false;
    }

    static int lineOf(Class<?> c, String method) throws IOException {
        TreeSet<Integer> lines = new TreeSet<>();
        org.objectweb.asm.tree.ClassNode cn = new org.objectweb.asm.tree.ClassNode();
        new ClassReader(plain(c)).accept(cn, 0);
        for (org.objectweb.asm.tree.MethodNode m : cn.methods) {
            if (m.name.equals(method)) {
                for (var n : m.instructions) {
                    if (n instanceof org.objectweb.asm.tree.LineNumberNode ln) {
                        lines.add(ln.line);
                    }
                }
            }
        }
        return lines.first();
    }

    @Test
    void everyKindOfClassIsVerifiedRunsAndCountsExactly() throws Exception {
        WovenLoader w = WovenLoader.of(instrumenter(true), Plain.class, Iface.class, Impl.class, Rec.class, Kind.class);
        Class<?> plain = w.loadClass(Plain.class.getName());
        assertEquals(5, plain.getMethod("run", int.class).invoke(null, 10));
        Object p = plain.getConstructor(int.class).newInstance(1);
        assertEquals(4, plain.getMethod("add", int.class).invoke(p, 3));
        assertTrue(hasHolder(plain));
        assertEquals(10, total(Plain.class.getName(), lineOf(Plain.class, "step")));

        Object impl = w.loadClass(Impl.class.getName()).getConstructor().newInstance();
        Method twice = w.loadClass(Iface.class.getName()).getMethod("twice", int.class);
        assertEquals(8, twice.invoke(impl, 3));
        assertFalse(hasHolder(w.loadClass(Iface.class.getName())), "an interface's fields are public final: no holder");
        assertEquals(1, total(Iface.class.getName(), lineOf(Iface.class, "helper")));

        Class<?> rec = w.loadClass(Rec.class.getName());
        Object r = rec.getConstructor(int.class, int.class).newInstance(2, 3);
        assertEquals(5, rec.getMethod("sum").invoke(r));
        assertTrue(rec.isRecord() && hasHolder(rec));
        assertEquals(1, total(Rec.class.getName(), lineOf(Rec.class, "sum")));

        Class<?> kind = w.loadClass(Kind.class.getName());
        Object two = kind.getMethod("valueOf", String.class).invoke(null, "TWO");
        assertEquals(2, kind.getMethod("weight").invoke(two));
        assertEquals(2, kind.getEnumConstants().length);
        assertTrue(kind.isEnum() && hasHolder(kind));

    }

    @ParameterizedTest(name = "class file version {0}")
    @ValueSource(ints = {Opcodes.V1_1, Opcodes.V1_5, Opcodes.V1_6, Opcodes.V1_8})
    void oldClassFileVersionsAreVerifiedAndCount(int version) throws Exception {
        byte[] woven = instrumenter(true).instrument(withVersion(plain(Plain.class), version), null);
        Class<?> c = new WovenLoader(Map.of(Plain.class.getName(), woven)).loadClass(Plain.class.getName());
        assertEquals(3, c.getMethod("run", int.class).invoke(null, 7));
        assertTrue(hasHolder(c));
        assertEquals(7, total(Plain.class.getName(), lineOf(Plain.class, "step")));
    }

    @Test
    void twoThreadsRacingOverOneClassEachCountExactlyTheirOwnCalls() throws Exception {
        int calls = 200_000;
        Class<?> c = WovenLoader.of(instrumenter(true), Plain.class).loadClass(Plain.class.getName());
        Method run = c.getMethod("run", int.class);
        CyclicBarrier start = new CyclicBarrier(2);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < calls; i++) {
                        run.invoke(null, 1); // one call of step per run: each call races the other thread's
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(List.of(), failures);
        int step = lineOf(Plain.class, "step");
        List<Map<Integer, Long>> perThread = countsByThread(Plain.class.getName());
        List<Long> counts = perThread.stream().map(m -> m.get(step)).toList();
        assertEquals(List.of((long) calls, (long) calls), counts, "per thread: " + perThread);
    }

    @Test
    void aRetransformationKeepsTheMembersTheClassWasLoadedWith() throws Exception {
        WovenLoader first = WovenLoader.of(instrumenter(true), Plain.class);
        Class<?> loaded = first.loadClass(Plain.class.getName());
        byte[] again = instrumenter(true).instrument(plain(Plain.class), null, loaded);
        assertNotNull(again);
        assertEquals(members(first.bytes.get(Plain.class.getName())), members(again),
                "the JVM refuses a retransformed class whose fields or methods changed");
        Class<?> c = new WovenLoader(Map.of(Plain.class.getName(), again)).loadClass(Plain.class.getName());
        assertEquals(2, c.getMethod("run", int.class).invoke(null, 4));
        assertEquals(4, total(Plain.class.getName(), lineOf(Plain.class, "step")));
        assertEquals(List.of(), members(instrumenter(true).instrument(plain(Plain.class), null, Plain.class)).stream()
                .filter(m -> m.contains("jfrtrace")).toList(), "a class loaded without the holder gets none");
    }

    @Test
    void attachModeAddsNoMember() throws Exception {
        assertEquals(members(plain(Plain.class)), members(WovenLoader.of(instrumenter(false), Plain.class).bytes.get(Plain.class.getName())));
    }

    /** A class file's fields and methods: access, name and descriptor. */
    static List<String> members(byte[] classfile) {
        org.objectweb.asm.tree.ClassNode cn = new org.objectweb.asm.tree.ClassNode();
        new ClassReader(classfile).accept(cn, ClassReader.SKIP_CODE);
        List<String> out = new ArrayList<>();
        cn.fields.forEach(f -> out.add(f.access + " " + f.name + " " + f.desc));
        cn.methods.forEach(m -> out.add(m.access + " " + m.name + m.desc));
        return out;
    }
}
