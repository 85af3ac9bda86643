package io.jfrtrace.cli.timeit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

/**
 * Compiles a {@link SnippetSource} in memory with the JDK's compiler ({@code javax.tools}), in two passes: the first
 * finds the compiler's errors (reported at their place in the user's text) and the statement's top-level expression
 * statements that have a value; the second compiles the source with those values handed to the blackhole, so that the
 * JIT cannot drop the work that made them.
 */
public final class SnippetCompiler {
    /** A snippet the compiler refused: the first error, in one line, at its place in the user's text. */
    public static final class CompileError extends Exception {
        CompileError(String message) {
            super(message);
        }
    }

    private final JavaCompiler javac;
    private final List<String> options;

    /** {@code classPath} holds the API jar and the user's classes; {@code release} is the target JVM's version. */
    public SnippetCompiler(String classPath, int release) {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
                    + ": jfr-trace timeit needs a JDK, not a JRE");
        }
        options = List.of("-classpath", classPath, "--release", Integer.toString(release), "-proc:none", "-g",
                "-Xlint:none", "-nowarn");
    }

    /** The class files by binary name. */
    public Map<String, byte[]> compile(SnippetSource snippet) throws CompileError, IOException {
        List<long[]> valued = analyse(snippet);
        Memory memory = new Memory(javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) javac.getTask(null, memory, diagnostics, options, null,
                List.of(new Source(snippet.text(valued))));
        if (!task.call()) { // cannot happen when the first pass passed: say what the compiler said, generated places
            throw new CompileError(first(diagnostics, null));
        }
        return memory.classes;
    }

    /** The first pass: errors, and the (start, end) offsets of the statement's expression statements with a value. */
    private List<long[]> analyse(SnippetSource snippet) throws CompileError, IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Memory memory = new Memory(javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));
        JavacTask task = (JavacTask) javac.getTask(null, memory, diagnostics, options, null,
                List.of(new Source(snippet.text(List.of()))));
        Iterable<? extends CompilationUnitTree> units = task.parse();
        task.analyze();
        if (diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)) {
            throw new CompileError(first(diagnostics, snippet));
        }
        Trees trees = Trees.instance(task);
        SourcePositions positions = trees.getSourcePositions();
        List<long[]> valued = new ArrayList<>();
        for (CompilationUnitTree unit : units) {
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitForLoop(ForLoopTree loop, Void unused) {
                    long start = positions.getStartPosition(unit, loop.getStatement());
                    // the template's own loop: its body block starts just before the statement
                    if (start >= 0 && start < snippet.statementOffset() && positions.getEndPosition(unit, loop) > snippet.statementEnd()
                            && loop.getStatement() instanceof com.sun.source.tree.BlockTree body) {
                        TreePath bodyPath = new TreePath(getCurrentPath(), body);
                        for (StatementTree s : body.getStatements()) {
                            if (s instanceof ExpressionStatementTree e) {
                                TypeMirror type = trees.getTypeMirror(new TreePath(new TreePath(bodyPath, s), e.getExpression()));
                                if (type != null && type.getKind() != TypeKind.VOID) {
                                    valued.add(new long[] {positions.getStartPosition(unit, e.getExpression()),
                                            positions.getEndPosition(unit, e.getExpression())});
                                }
                            }
                        }
                        return null;
                    }
                    return super.visitForLoop(loop, unused);
                }
            }.scan(unit, null);
        }
        return valued;
    }

    /** {@code statement:1:12: ';' expected}: javac's message in one line, at the user's place. */
    private static String first(DiagnosticCollector<JavaFileObject> diagnostics, SnippetSource snippet) {
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String message = String.join("; ", d.getMessage(Locale.ROOT).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList());
            SnippetSource.Place place = snippet == null ? null : snippet.place(d.getLineNumber(), d.getColumnNumber());
            String where = place != null ? place.toString() : "the generated class, line " + d.getLineNumber();
            return where + ": " + message;
        }
        return "the compiler failed without an error message";
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String text) {
            super(URI.create("string:///" + SnippetSource.CLASS_NAME + ".java"), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Class files kept in memory, by binary name. */
    private static final class Memory extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<String, byte[]> classes = new LinkedHashMap<>();

        Memory(StandardJavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(className, toByteArray());
                        }
                    };
                }
            };
        }
    }
}
