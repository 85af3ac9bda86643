import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the jfr-trace jar (cli/pom.xml, after the shade): rewrites the class files older than Java 6 under
 * the given prefixes as Java 8 class files, with the stack map frames ASM computes, then loads each one to have the
 * JVM verify it. Why: the JVM verifies old class files at every start, even from the class-data sharing archive,
 * with the old type-inferencing verifier; picocli's are Java 5, and verifying them took about 10 ms of every
 * command. New ones are verified once, when the archive is made (docs/architecture.md, "Start-up").
 *
 * <p>Run as a source file: {@code java -cp asm.jar UpgradeOldClassFiles.java JAR PREFIX...}.
 */
public final class UpgradeOldClassFiles {
    private static final int JAVA_6 = 50;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        List<String> prefixes = List.of(args).subList(1, args.length);
        Path upgraded = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
        List<String> names = new ArrayList<>();
        try (URLClassLoader original = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             InputStream in = Files.newInputStream(jar);
             ZipInputStream zin = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(upgraded);
             ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = zin.getNextEntry()) != null; ) {
                byte[] bytes = zin.readAllBytes();
                String name = entry.getName();
                if (name.endsWith(".class") && prefixes.stream().anyMatch(name::startsWith)
                        && new ClassReader(bytes).readUnsignedShort(6) < JAVA_6) {
                    bytes = upgrade(bytes, original);
                    names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                zout.putNextEntry(copy);
                zout.write(bytes);
                zout.closeEntry();
            }
        }
        verify(upgraded, names);
        Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("UpgradeOldClassFiles: " + names.size() + " class files upgraded and verified in " + jar);
    }

    private static byte[] upgrade(byte[] bytes, ClassLoader classes) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() { // the frames' common super classes, from the jar itself
                return classes;
            }
        };
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Links every upgraded class, so that the JVM's verifier (the split one, on the new frames) checks it now. */
    private static void verify(Path jar, List<String> names) throws IOException {
        try (URLClassLoader upgraded = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            for (String name : names) {
                try {
                    Class.forName(name, true, upgraded);
                } catch (VerifyError e) {
                    throw new IllegalStateException("the upgraded " + name + " does not verify", e);
                } catch (ClassNotFoundException | NoClassDefFoundError | ExceptionInInitializerError e) {
                    throw new IllegalStateException("cannot load the upgraded " + name, e);
                }
            }
        }
    }
}
