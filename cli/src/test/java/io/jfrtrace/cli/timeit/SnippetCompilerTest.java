package io.jfrtrace.cli.timeit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What {@code jfr-trace timeit} compiles: which values reach the blackhole (so the JIT cannot drop the work), and
 * where in the user's text a compiler error is reported.
 */
class SnippetCompilerTest {
    private static final SnippetCompiler COMPILER = new SnippetCompiler(System.getProperty("java.class.path"), 17);

    private static SnippetSource snippet(List<String> imports, String setup, String... statements) {
        List<String> all = new java.util.ArrayList<>(SnippetSource.DEFAULT_IMPORTS);
        all.addAll(imports);
        return new SnippetSource(all, setup, SnippetSource.lines(List.of(statements)));
    }

    @ParameterizedTest(name = "{0} -> {1} consumed")
    @CsvSource(delimiter = '|', value = {
            "a + b | 1", // Python's habit: a bare expression, not a Java statement
            "new byte[8] | 1",
            "xs[3] | 1",
            "Math.max(a, b); a * 2 | 2",
            "Integer.toString(a) | 1",
            "int c = a | 0", // a declaration has no value to consume
            "list.clear() | 0", // void
            "a++ | 1"})
    void theValueOfEveryExpressionStatementIsConsumed(String statement, int consumed) throws Exception {
        Map<String, byte[]> classes = COMPILER.compile(snippet(List.of(),
                "int a = 3, b = 4; int[] xs = {1, 2, 3, 4}; List<Integer> list = new ArrayList<>();", statement));
        assertEquals(consumed, consumeCalls(classes.get(SnippetSource.CLASS_NAME)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a bare expression with an unknown name | a + zz | statement:1:5: cannot find symbol",
            "the second statement line | a * 2 ; a + | statement:2:3: illegal start of expression",
            "an unknown method after a bare expression | Math.max(a, 2); a * 2; foo(a) | statement:1:24: cannot find symbol"})
    void anErrorIsReportedAtItsPlaceInTheStatement(String what, String statement, String expected) {
        String[] lines = statement.split(" ; ");
        SnippetCompiler.CompileError e = assertThrows(SnippetCompiler.CompileError.class,
                () -> COMPILER.compile(snippet(List.of(), "int a = 3;", lines)));
        assertEquals(expected, e.getMessage().substring(0, Math.min(expected.length(), e.getMessage().length())));
    }

    @org.junit.jupiter.api.Test
    void theSetupsLocalsReachTheLoopAsFieldsSoTheJitCannotFoldThem() throws Exception {
        Map<String, byte[]> classes = COMPILER.compile(snippet(List.of(),
                "String a = \"hello\", b = \"world\"; var n = 42; List<Integer> xs = List.of(1);", "a + b + n + xs.size()"));
        ClassShape shape = ClassShape.of(classes.get(SnippetSource.CLASS_NAME));
        assertEquals(List.of("a Ljava/lang/String;", "b Ljava/lang/String;", "n I", "xs Ljava/util/List;"), shape.fields);
        assertEquals(List.of("a", "b", "n", "xs"), shape.loopFieldReads);
    }

    @org.junit.jupiter.api.Test
    void aSetupLocalNoFieldCanHoldKeepsTheLocalsAsTheyAre() throws Exception {
        // var of an anonymous class: its type has no name a field could be declared with
        Map<String, byte[]> classes = COMPILER.compile(snippet(List.of(), "var o = new Object() { int v = 3; }; int w = 2;",
                "o.v * w"));
        ClassShape shape = ClassShape.of(classes.get(SnippetSource.CLASS_NAME));
        assertEquals(List.of(), shape.fields);
        assertEquals(1, consumeCalls(classes.get(SnippetSource.CLASS_NAME)));
    }

    /** The generated class's fields other than the blackhole, and the fields its loop method reads, in order. */
    private record ClassShape(List<String> fields, List<String> loopFieldReads) {
        static ClassShape of(byte[] classFile) {
            List<String> fields = new java.util.ArrayList<>();
            List<String> reads = new java.util.ArrayList<>();
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor,
                        String signature, Object value) {
                    if (!name.equals("_bh")) {
                        fields.add(name + " " + descriptor);
                    }
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return !name.equals(SnippetSource.LOOP) ? null : new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                            if (opcode == Opcodes.GETFIELD && !field.equals("_bh")) {
                                reads.add(field);
                            }
                        }
                    };
                }
            }, 0);
            return new ClassShape(fields, reads);
        }
    }

    @org.junit.jupiter.api.Test
    void anErrorInTheSetupIsReportedInTheSetup() {
        SnippetCompiler.CompileError e = assertThrows(SnippetCompiler.CompileError.class,
                () -> COMPILER.compile(snippet(List.of(), "int a = 3;\nint b = a +;", "a")));
        assertEquals("setup:2:12: illegal start of expression", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void anErrorInAnImportIsReportedInTheImport() {
        SnippetCompiler.CompileError e = assertThrows(SnippetCompiler.CompileError.class,
                () -> COMPILER.compile(snippet(List.of("java.utl.concurrent.*"), "", "1")));
        assertEquals("import:3:1: package java.utl.concurrent does not exist", e.getMessage());
    }

    private static int consumeCalls(byte[] classFile) {
        int[] calls = {0};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (owner.equals("io/jfrtrace/api/Blackhole") && method.equals("consume")) {
                            calls[0]++;
                        }
                    }
                };
            }
        }, 0);
        return calls[0];
    }
}
