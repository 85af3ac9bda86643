package io.jfrtrace.recorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeJarTest {
    @TempDir
    Path dir;

    Path agentJar() throws Exception {
        Path agent = dir.resolve("agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(agent))) {
            for (String name : List.of("io/jfrtrace/recorder/AgentMain.class", "io/jfrtrace/runtime/Profiler.class",
                    "io/jfrtrace/runtime/Clock.class")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.getBytes());
                out.closeEntry();
            }
        }
        return agent;
    }

    @Test
    void theRuntimeJarHoldsTheRuntimeAloneAndIsPrivate() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path jar = RuntimeJar.cached(agentJar(), cache);
        assertEquals(cache, jar.getParent());
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals(List.of("io/jfrtrace/runtime/Profiler.class", "io/jfrtrace/runtime/Clock.class"),
                    Collections.list(j.entries()).stream().map(ZipEntry::getName).toList());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(jar)));
    }

    /** The same agent jar builds the same bytes, so the cached file can be compared with them and kept. */
    @Test
    void aSecondRunKeepsTheCachedJar() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path agent = agentJar();
        Path jar = RuntimeJar.cached(agent, cache);
        Object key = Files.readAttributes(jar, BasicFileAttributes.class).fileKey();
        assertEquals(jar, RuntimeJar.cached(agent, cache));
        assertEquals(key, Files.readAttributes(jar, BasicFileAttributes.class).fileKey());
    }

    @Test
    void aFileOfTheSameNameWithOtherBytesIsReplaced() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path agent = agentJar();
        Path jar = RuntimeJar.cached(agent, cache);
        byte[] real = Files.readAllBytes(jar);
        byte[] planted = real.clone();
        planted[planted.length / 2] ^= 1;
        try (OutputStream out = Files.newOutputStream(jar)) {
            out.write(planted);
        }
        RuntimeJar.cached(agent, cache);
        assertArrayEquals(real, Files.readAllBytes(jar));
    }
}
