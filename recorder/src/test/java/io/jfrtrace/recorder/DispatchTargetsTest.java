package io.jfrtrace.recorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/** Which built-in calls land directly in which methods, read from real class files. */
class DispatchTargetsTest {
    static final String OBJECTS = "Ljava/lang/Object;";

    /** A Comparator of the program: reached through Comparator.compare(Object, Object), via its bridge. */
    static final class ByLength implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            return Integer.compare(a.length(), b.length());
        }

        @Override
        public String toString() {
            return "ByLength";
        }

        int helper() {
            return 1;
        }
    }

    /** Only write(char[], int, int) is the program's; Writer.write(String) is the JDK's and calls it. */
    static final class Sink extends Writer {
        @Override
        public void write(char[] buf, int off, int len) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** A lambda body and a method reference, both implementations of JDK functional interfaces. */
    static final class Lambdas {
        static Object make() {
            UnaryOperator<String> twice = s -> s + s;
            Function<Integer, Integer> inc = Lambdas::inc;
            return twice.apply("a") + inc.apply(1);
        }

        static Integer inc(Integer x) {
            return x + 1;
        }
    }

    final BuiltinRegistry ids = new BuiltinRegistry();

    Map<String, long[]> targets(Class<?> c) throws IOException {
        ClassNode cn = new ClassNode();
        try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class")) {
            new ClassReader(in).accept(cn, ClassReader.SKIP_FRAMES);
        }
        ClassHeaders headers = new ClassHeaders(c.getClassLoader());
        headers.declare(cn.name, cn.superName, cn.interfaces, false);
        // the classes of this test are the program's; the JDK's are not instrumented
        return new DispatchTargets(headers, n -> n.startsWith("io/jfrtrace/recorder/"), ids).of(cn);
    }

    long key(String owner, String name, String desc) {
        return ids.callKey(owner, name, desc, Opcodes.INVOKEINTERFACE);
    }

    static long[] sorted(long... keys) {
        long[] k = keys.clone();
        Arrays.sort(k);
        return k;
    }

    @Test
    void anInterfaceMethodIsReachedThroughTheInterfacesErasedDescriptor() throws IOException {
        Map<String, long[]> t = targets(ByLength.class);
        assertArrayEquals(new long[] {key("java/util/Comparator", "compare", "(" + OBJECTS + OBJECTS + ")I")},
                t.get("compare(Ljava/lang/String;Ljava/lang/String;)I"));
        assertArrayEquals(new long[] {key("java/lang/Object", "toString", "()Ljava/lang/String;")},
                t.get("toString()Ljava/lang/String;"));
        assertNull(t.get("helper()I"), "a method of its own is reached by no built-in call");
    }

    @Test
    void aJdkOverloadThatCallsTheOverrideIsNotADirectCall() throws IOException {
        Map<String, long[]> t = targets(Sink.class);
        long[] write = t.get("write([CII)V");
        assertArrayEquals(new long[] {key("java/io/Writer", "write", "([CII)V")}, write);
        long viaString = key("java/io/Writer", "write", "(Ljava/lang/String;)V");
        assertFalse(Arrays.stream(write).anyMatch(k -> k == viaString));
        // flush() is declared by Writer and by the interfaces Writer implements
        assertArrayEquals(sorted(key("java/io/Writer", "flush", "()V"), key("java/io/Flushable", "flush", "()V")),
                sorted(t.get("flush()V")));
    }

    @Test
    void lambdaBodiesAndMethodReferencesAreReachedThroughTheirFunctionalInterface() throws IOException {
        Map<String, long[]> t = targets(Lambdas.class);
        String apply = "(" + OBJECTS + ")" + OBJECTS;
        long[] body = t.entrySet().stream().filter(e -> e.getKey().startsWith("lambda$make$"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        // UnaryOperator's apply is Function's: a call through either lands in the body
        assertArrayEquals(sorted(key("java/util/function/UnaryOperator", "apply", apply),
                key("java/util/function/Function", "apply", apply)), sorted(body));
        assertArrayEquals(new long[] {key("java/util/function/Function", "apply", apply)},
                t.get("inc(Ljava/lang/Integer;)Ljava/lang/Integer;"));
    }
}
