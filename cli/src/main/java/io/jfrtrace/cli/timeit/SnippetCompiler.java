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
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
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
        List<String> o = new ArrayList<>(List.of("-classpath", classPath, "-proc:none", "-g", "-Xlint:none", "-nowarn"));
        if (release != Runtime.version().feature()) {
            // another JDK's API, from the compiler's ct.sym; for this JDK's own, its modules serve (about 40 ms sooner)
            o.addAll(List.of("--release", Integer.toString(release)));
        }
        options = List.copyOf(o);
    }

    /** The class files by binary name. */
    public Map<String, byte[]> compile(SnippetSource snippet) throws CompileError, IOException {
        List<SnippetSource.SetupLocal> locals = new ArrayList<>();
        List<long[]> valued = analyse(snippet, locals);
        if (!locals.isEmpty()) {
            Map<String, byte[]> timed = generate(snippet.timedText(valued, locals));
            if (timed != null) {
                return timed;
            }
            // locals that do not make fields (a statement that declares one of their names as a local class, say):
            // the checked form, with locals
        }
        Map<String, byte[]> classes = generate(snippet.text(valued));
        if (classes == null) { // cannot happen when the first pass passed
            throw new CompileError("the generated class does not compile");
        }
        return classes;
    }

    /** The class files of {@code source}, or null if it does not compile. */
    private Map<String, byte[]> generate(String source) throws IOException {
        Memory memory = new Memory(javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) javac.getTask(null, memory, diagnostics, options, null, List.of(new Source(source)));
        return task.call() ? memory.classes : null;
    }

    /**
     * The first pass: errors, and the (start, end) offsets of the statement's expressions whose value is consumed: its
     * top-level expression statements that have a value, and the bare expressions Java does not take as statements
     * ({@code a + b}, {@code new int[8]}, {@code xs[3]}) but Python does, which javac reports as "not a statement".
     * Fills {@code locals} with the setup's top-level locals if every one of them has a type a field can have.
     */
    private List<long[]> analyse(SnippetSource snippet, List<SnippetSource.SetupLocal> locals)
            throws CompileError, IOException {
        List<long[]> bare = new ArrayList<>();
        while (true) {
            List<long[]> found = new ArrayList<>();
            locals.clear();
            Analysis a = analyse(snippet, bare, found, locals);
            if (a.errors.isEmpty()) {
                found.addAll(bare);
                return found;
            }
            List<long[]> notStatements = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : a.errors) {
                long start = SnippetSource.unwrapped(d.getStartPosition(), bare);
                long end = SnippetSource.unwrapped(d.getEndPosition(), bare);
                if (NOT_A_STATEMENT.equals(d.getCode()) && start >= snippet.statementOffset() && end <= snippet.statementEnd()
                        && bare.stream().noneMatch(r -> r[0] == start)) { // a range already consumed: no second try
                    notStatements.add(new long[] {start, end});
                }
            }
            if (notStatements.isEmpty()) { // the user's to mend (the parser reports "not a statement" alone: it stops)
                throw new CompileError(first(a.errors, snippet, bare));
            }
            bare.addAll(notStatements);
        }
    }

    private static final String NOT_A_STATEMENT = "compiler.err.not.stmt";

    /** One compile of the source with {@code bare} consumed: its errors, and the valued expression statements. */
    private record Analysis(List<Diagnostic<? extends JavaFileObject>> errors) {
    }

    private Analysis analyse(SnippetSource snippet, List<long[]> bare, List<long[]> valued,
            List<SnippetSource.SetupLocal> locals) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Memory memory = new Memory(javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));
        JavacTask task = (JavacTask) javac.getTask(null, memory, diagnostics, options, null,
                List.of(new Source(snippet.text(bare))));
        Iterable<? extends CompilationUnitTree> units = task.parse();
        task.analyze();
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        if (!errors.isEmpty()) {
            return new Analysis(errors);
        }
        Trees trees = Trees.instance(task);
        SourcePositions positions = trees.getSourcePositions();
        boolean[] denotable = {true};
        for (CompilationUnitTree unit : units) {
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitVariable(VariableTree variable, Void unused) {
                    long start = SnippetSource.unwrapped(positions.getStartPosition(unit, variable), bare);
                    // the setup's own top-level declarations: in the method body itself, within the setup's text
                    if (start >= snippet.setupOffset() && start < snippet.setupEnd()
                            && getCurrentPath().getParentPath().getLeaf() instanceof com.sun.source.tree.BlockTree
                            && getCurrentPath().getParentPath().getParentPath().getLeaf() instanceof MethodTree) {
                        TypeMirror type = trees.getTypeMirror(getCurrentPath());
                        String name = type == null ? null : type.toString();
                        if (name == null || type.getKind() == TypeKind.ERROR || type.getKind() == TypeKind.INTERSECTION
                                || type.getKind() == TypeKind.UNION || name.contains("capture#")
                                || name.contains("<anonymous") || name.contains("&")) {
                            denotable[0] = false; // a type no field can be declared with (var of an anonymous class)
                        } else {
                            locals.add(new SnippetSource.SetupLocal(variable.getName().toString(), name));
                        }
                        return null;
                    }
                    return super.visitVariable(variable, unused);
                }

                @Override
                public Void visitForLoop(ForLoopTree loop, Void unused) {
                    long start = SnippetSource.unwrapped(positions.getStartPosition(unit, loop.getStatement()), bare);
                    long end = SnippetSource.unwrapped(positions.getEndPosition(unit, loop), bare);
                    // the template's own loop: its body block starts just before the statement
                    if (start >= 0 && start < snippet.statementOffset() && end > snippet.statementEnd()
                            && loop.getStatement() instanceof com.sun.source.tree.BlockTree body) {
                        TreePath bodyPath = new TreePath(getCurrentPath(), body);
                        for (StatementTree s : body.getStatements()) {
                            if (s instanceof ExpressionStatementTree e) {
                                TypeMirror type = trees.getTypeMirror(new TreePath(new TreePath(bodyPath, s), e.getExpression()));
                                if (type != null && type.getKind() != TypeKind.VOID) {
                                    valued.add(new long[] {
                                            SnippetSource.unwrapped(positions.getStartPosition(unit, e.getExpression()), bare),
                                            SnippetSource.unwrapped(positions.getEndPosition(unit, e.getExpression()), bare)});
                                }
                            }
                        }
                        return null;
                    }
                    return super.visitForLoop(loop, unused);
                }
            }.scan(unit, null);
        }
        if (!denotable[0]) {
            locals.clear();
        }
        return new Analysis(List.of());
    }

    /** {@code statement:1:12: ';' expected}: javac's message in one line, at the user's place. */
    private static String first(List<Diagnostic<? extends JavaFileObject>> errors, SnippetSource snippet,
            List<long[]> consumed) {
        for (Diagnostic<? extends JavaFileObject> d : errors) {
            String message = String.join("; ", d.getMessage(Locale.ROOT).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList());
            SnippetSource.Place place = null;
            if (snippet != null && d.getPosition() != Diagnostic.NOPOS) {
                long[] at = snippet.lineAndColumn(SnippetSource.unwrapped(d.getPosition(), consumed));
                place = snippet.place(at[0], at[1]);
            }
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
