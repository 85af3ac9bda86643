package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.jfrtrace.cli.exit.ExitCodes;

/**
 * record loads code (the agent jar, the native libraries) only from a private per-user cache folder and only when
 * the file there holds exactly what this jfr-trace carries; every file it leaves is readable by its owner alone.
 * Every run here is started with {@code umask 000}, the most permissive umask there is.
 */
class SecurityIT {
    static final Path JAVA25 = Jdks.JAVA25;

    @TempDir
    static Path work;
    static Path classes;
    static Path logs;
    /** A fake writes a file named after itself here when it is loaded. */
    static Path markers;
    /** The files the built jfr-trace.jar carries (resource name → bytes), and a same-size fake of each. */
    static final Map<String, byte[]> CARRIED = new LinkedHashMap<>();
    static final Map<String, byte[]> FAKES = new LinkedHashMap<>();

    /** What another local user plants. */
    enum Planted { AGENT_JAR, NATIVE_LIBRARIES }

    /** The state of $XDG_CACHE_HOME/jfr-trace when record starts. */
    enum CacheFolder { FOREIGN_OWNED, WORLD_WRITABLE, SYMBOLIC_LINK, PRIVATE }

    @BeforeAll
    static void setUp() throws Exception {
        classes = SamplePrograms.compiled();
        logs = Files.createDirectories(work.resolve("logs"));
        markers = Files.createDirectories(work.resolve("markers"));
        try (JarFile jar = new JarFile(JfrTraceRun.JAR.toFile())) {
            for (String name : List.of("jfr-trace-agent.jar", "libjfrtrace_clock.so", "libjfrtrace_fault.so")) {
                ZipEntry e = jar.getEntry(name);
                if (e != null) {
                    try (InputStream in = jar.getInputStream(e)) {
                        CARRIED.put(name, in.readAllBytes());
                    }
                }
            }
        }
        for (Map.Entry<String, byte[]> e : CARRIED.entrySet()) {
            int size = e.getValue().length;
            String stem = stem(e.getKey());
            FAKES.put(e.getKey(), e.getKey().endsWith(".jar") ? fakeAgentJar(stem, size) : fakeLibrary(stem, size));
        }
    }

    @BeforeEach
    void noMarkers() throws IOException {
        try (Stream<Path> files = Files.list(markers)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    static Stream<Arguments> plantings() {
        List<Arguments> all = new ArrayList<>();
        for (Planted p : Planted.values()) {
            for (CacheFolder f : CacheFolder.values()) {
                all.add(Arguments.of(p, f));
            }
        }
        return all.stream();
    }

    /**
     * The attack of issue 10: another local user plants a same-size fake in the cache folder; record used to load
     * it and run it as the victim. The old predictable folder ({@code java.io.tmpdir/jfr-trace-USER}, mode 777,
     * another user's) holds the same fakes: record must not look there at all.
     */
    @ParameterizedTest(name = "a {1} cache folder with a same-size fake {0}")
    @MethodSource("plantings")
    void aPlantedSameSizeFakeIsNeverLoaded(Planted what, CacheFolder state) throws Exception {
        assumeTrue(state != CacheFolder.FOREIGN_OWNED || isRoot(), "only root can make a folder another user owns");
        assumeTrue(what != Planted.NATIVE_LIBRARIES || CARRIED.size() > 1, "this build carries no native library");
        Path dir = Files.createDirectories(work.resolve(what + "-" + state));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path legacy = plant(tmp.resolve("jfr-trace-" + System.getProperty("user.name")), what);
        chmod(legacy, "rwxrwxrwx");
        if (isRoot()) {
            Files.setAttribute(legacy, "unix:uid", 65534);
        }
        Path xdg = Files.createDirectories(dir.resolve("xdg"));
        Path cache = xdg.resolve("jfr-trace");
        switch (state) {
            case FOREIGN_OWNED -> Files.setAttribute(plant(cache, what), "unix:uid", 65534);
            case WORLD_WRITABLE -> chmod(plant(cache, what), "rwxrwxrwx");
            case SYMBOLIC_LINK -> Files.createSymbolicLink(cache, chmod(plant(dir.resolve("elsewhere"), what), "rwx------"));
            case PRIVATE -> chmod(plant(cache, what), "rwx------");
        }
        Path out = dir.resolve("out.jfr");
        Files.writeString(out, "an earlier recording");

        JfrTraceRun rec = record(dir, xdg, tmp, "record", "-o", out.toString(), "-cp", classes.toString(), "com.example.Factorial");

        try (Stream<Path> loaded = Files.list(markers)) {
            assertEquals(List.of(), loaded.map(p -> p.getFileName().toString()).toList(), () -> "a planted fake was loaded\n" + rec);
        }
        if (state == CacheFolder.PRIVATE) {
            assertEquals(0, rec.exitCode(), rec::toString);
            assertTrue(rec.stderr().contains("jfr-trace: wrote " + out), rec::toString);
            for (String resource : planted(what)) {
                assertArrayEquals(CARRIED.get(resource), Files.readAllBytes(cache.resolve(cachedName(resource))),
                        resource + " was not replaced by the real one");
            }
        } else {
            BadInputIT.assertOneLineError(rec, ExitCodes.CANNOT_WRITE, "unsafe cache folder " + cache);
            assertEquals("an earlier recording", Files.readString(out), "record refused, yet the old output is gone");
        }
    }

    /**
     * Recordings hold every environment variable and JVM argument: the output (written by JFR, recovered from the
     * repository, or from the emergency dump after a crash), hs_err's log, the --dump-file text, the JFR repository
     * and the cache are the owner's alone, even under umask 000; and record leaves nothing in the temp folder.
     */
    @Test
    void everyFileRecordLeavesIsOwnerOnlyWhateverTheUmask() throws Exception {
        Path dir = Files.createDirectories(work.resolve("modes"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Path xdg = dir.resolve("xdg"); // record creates it

        JfrTraceRun normal = record(runs, xdg, tmp, "record", "-o", "normal.jfr", "--dump-file", "dumps.txt",
                "-cp", classes.toString(), "com.example.security.RepositoryMode");
        assertEquals(0, normal.exitCode(), normal::toString);
        assertTrue(normal.stdout().contains("repository folder rwx------"), normal::toString);
        List<String> expected = new ArrayList<>(List.of("normal.jfr", "dumps.txt"));
        if (Files.isExecutable(JAVA25)) {
            JfrTraceRun on25 = record(runs, xdg, tmp, "record", "--java", JAVA25.toString(), "-o", "normal25.jfr",
                    "--dump-file", "dumps25.txt", "-cp", classes.toString(), "com.example.security.RepositoryMode");
            assertEquals(0, on25.exitCode(), on25::toString);
            assertTrue(on25.stdout().contains("repository folder rwx------"), on25::toString);
            expected.addAll(List.of("normal25.jfr", "dumps25.txt"));
        }
        JfrTraceRun halt = record(runs, xdg, tmp, "record", "-o", "halt.jfr", "-cp", classes.toString(), "com.example.Halt");
        assertEquals(4, halt.exitCode(), halt::toString);
        assertTrue(halt.stderr().contains("recovered"), halt::toString);
        JfrTraceRun crash = record(runs, xdg, tmp, "record", "-o", "crash.jfr", "-cp", classes.toString(),
                "com.example.fault.UnsafeCrash");
        assertEquals(134, crash.exitCode(), crash::toString);
        expected.addAll(List.of("halt.jfr", "crash.jfr", "crash.jfr.hs_err.log"));

        Map<String, String> modes = modes(runs);
        for (String f : expected) {
            assertTrue(modes.containsKey(f), () -> f + " missing among " + modes);
        }
        Map<String, String> cacheModes = modes(xdg);
        modes.putAll(cacheModes);
        modes.put("$XDG_CACHE_HOME", PosixFilePermissions.toString(Files.getPosixFilePermissions(xdg)) + " (folder)");
        Map<String, String> wrong = new TreeMap<>(modes);
        wrong.values().removeIf(m -> m.equals("rw-------") || m.equals("rwx------ (folder)"));
        assertEquals(Map.of(), wrong, () -> "not owner-only, of " + modes);
        assertTrue(cacheModes.keySet().stream().anyMatch(f -> f.startsWith("jfr-trace/jfr-trace-agent-")), cacheModes::toString);
        assertEquals(Map.of(), modes(tmp), "left in the temp folder");
    }

    /**
     * Without a home (a service user's {@code /nonexistent}) and without XDG_CACHE_HOME, the cache is a fresh private
     * folder in the temp directory, never a name another user could guess and create first, and it is gone after.
     */
    @Test
    void withoutAHomeTheCacheIsAFreshPrivateTempFolderRemovedAfterTheRun() throws Exception {
        Path dir = Files.createDirectories(work.resolve("no-home"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        JfrTraceRun rec = record(dir, null, List.of("-Djava.io.tmpdir=" + tmp, "-Duser.home=/nonexistent"),
                "record", "-o", "out.jfr", "-cp", classes.toString(), "com.example.Factorial");
        assertEquals(0, rec.exitCode(), rec::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("out.jfr"))));
        assertEquals(Map.of(), modes(tmp), "left in the temp folder");
    }

    /** {@code sh -c 'umask 000; exec java -Djava.io.tmpdir=TMP -jar jfr-trace.jar ARGS'} in {@code dir}. */
    static JfrTraceRun record(Path dir, Path xdg, Path tmp, String... args) throws Exception {
        return record(dir, xdg, List.of("-Djava.io.tmpdir=" + tmp), args);
    }

    /** As above, with these options for jfr-trace's own JVM; without XDG_CACHE_HOME when {@code xdg} is null. */
    static JfrTraceRun record(Path dir, Path xdg, List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask 000; exec \"$@\"", "sh",
                JfrTraceRun.javaOf(System.getProperty("java.home")).toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", JfrTraceRun.JAR.toString()));
        cmd.addAll(List.of(args));
        Path stdout = Files.createTempFile(logs, "record", ".stdout");
        Path stderr = Files.createTempFile(logs, "record", ".stderr");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        if (xdg == null) {
            pb.environment().remove("XDG_CACHE_HOME");
        } else {
            pb.environment().put("XDG_CACHE_HOME", xdg.toString());
        }
        Process p = pb.start();
        if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("jfr-trace " + List.of(args) + " did not finish in 180 s");
        }
        return new JfrTraceRun(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    /** Every file and folder under {@code root} (relative path → permissions, folders marked). */
    static Map<String, String> modes(Path root) throws IOException {
        Map<String, String> modes = new TreeMap<>();
        if (!Files.exists(root)) {
            return modes;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                modes.put(root.relativize(p).toString(), Files.isDirectory(p) ? perms + " (folder)" : perms);
            }
        }
        modes.remove(""); // root itself
        return modes;
    }

    static List<String> planted(Planted what) {
        return CARRIED.keySet().stream().filter(r -> r.endsWith(".jar") == (what == Planted.AGENT_JAR)).toList();
    }

    /** Writes the fakes of {@code what} into {@code folder} under the names record caches the real files by. */
    static Path plant(Path folder, Planted what) throws IOException {
        Files.createDirectories(folder);
        for (String resource : planted(what)) {
            Files.write(folder.resolve(cachedName(resource)), FAKES.get(resource));
        }
        return folder;
    }

    static Path chmod(Path p, String perms) throws IOException {
        return Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(work, "unix:uid")) == 0;
    }

    static String stem(String resource) {
        return resource.substring(0, resource.lastIndexOf('.'));
    }

    /** {@code STEM-NAME.SUFFIX}, NAME the content's {@link io.jfrtrace.privatefiles.ContentName}. */
    static String cachedName(String resource) {
        return stem(resource) + "-" + io.jfrtrace.privatefiles.ContentName.of(CARRIED.get(resource))
                + resource.substring(resource.lastIndexOf('.'));
    }

    /**
     * A shared library of exactly {@code size} bytes whose constructor creates the marker {@code stem}: zero bytes
     * after its end do not bother the dynamic loader. Without gcc, garbage of that size (loading it fails the JVM).
     */
    static byte[] fakeLibrary(String stem, int size) throws Exception {
        Path c = work.resolve(stem + "-fake.c");
        Files.writeString(c, "#include <fcntl.h>\n#include <unistd.h>\n"
                + "__attribute__((constructor)) static void planted(void) {\n"
                + "  int fd = open(\"" + markers.resolve(stem) + "\", O_CREAT | O_WRONLY, 0600);\n"
                + "  if (fd >= 0) close(fd);\n}\n");
        Path so = work.resolve(stem + "-fake.so");
        try {
            Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-s", "-Wl,-z,noseparate-code", "-o", so.toString(), c.toString())
                    .inheritIO().start();
            if (gcc.waitFor() == 0 && Files.size(so) <= size) {
                return java.util.Arrays.copyOf(Files.readAllBytes(so), size);
            }
        } catch (IOException noGcc) {
            // garbage below
        }
        byte[] garbage = new byte[size];
        new Random(size).nextBytes(garbage);
        return garbage;
    }

    /**
     * An agent jar of exactly {@code size} bytes whose {@code RuntimeJar} (which record loads from the agent jar)
     * and {@code AgentMain} (its premain) create the marker {@code stem}; a stored filler entry makes up the size.
     */
    static byte[] fakeAgentJar(String stem, int size) throws Exception {
        Path src = Files.createDirectories(work.resolve("fake-agent-src/io/jfrtrace/recorder"));
        Path out = Files.createDirectories(work.resolve("fake-agent-classes"));
        String mark = "static void mark() { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + markers.resolve(stem) + "\"), \"loaded\"); } catch (java.io.IOException e) { } }\n";
        Files.writeString(src.resolve("RuntimeJar.java"), "package io.jfrtrace.recorder;\n"
                + "public final class RuntimeJar {\n static { mark(); }\n " + mark
                + " public static java.nio.file.Path cached(java.nio.file.Path a) { return a; }\n"
                + " public static java.nio.file.Path cached(java.nio.file.Path a, java.nio.file.Path b) { return a; }\n}\n");
        Files.writeString(src.resolve("AgentMain.java"), "package io.jfrtrace.recorder;\n"
                + "public final class AgentMain {\n " + mark
                + " public static void premain(String a, java.lang.instrument.Instrumentation i) { mark(); }\n}\n");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(),
                src.resolve("RuntimeJar.java").toString(), src.resolve("AgentMain.java").toString());
        assertEquals(0, rc, "javac of the fake agent");
        byte[] jar = agentJar(out, 0);
        jar = agentJar(out, size - jar.length);
        assertEquals(size, jar.length);
        return jar;
    }

    private static byte[] agentJar(Path classes, int filler) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Premain-Class", "io.jfrtrace.recorder.AgentMain");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, m)) {
            for (String c : List.of("RuntimeJar", "AgentMain")) {
                ZipEntry e = new ZipEntry("io/jfrtrace/recorder/" + c + ".class");
                e.setTime(0);
                jar.putNextEntry(e);
                jar.write(Files.readAllBytes(classes.resolve("io/jfrtrace/recorder/" + c + ".class")));
                jar.closeEntry();
            }
            byte[] fill = new byte[filler];
            CRC32 crc = new CRC32();
            crc.update(fill);
            ZipEntry e = new ZipEntry("filler");
            e.setMethod(ZipEntry.STORED);
            e.setSize(filler);
            e.setCrc(crc.getValue());
            e.setTime(0);
            jar.putNextEntry(e);
            jar.write(fill);
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }
}
