package io.jfrtrace.recorder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import io.jfrtrace.privatefiles.CachedFile;
import io.jfrtrace.privatefiles.ContentName;

/**
 * The agent's bootstrap runtime ({@code io/jfrtrace/runtime/}) as a jar of its own, kept once per content in the
 * per-user cache folder ({@code io.jfrtrace.privatefiles.UserCache}): used only when it holds exactly the bytes
 * built here, written atomically, shared by concurrent JVMs, never left behind per run. Both users call this one
 * place: {@code jfr-trace record}, which puts the jar on {@code -Xbootclasspath/a} (it loads this class from the
 * agent jar in a class loader of its own and passes the cache folder it checked), and the agent itself under a
 * plain {@code -javaagent} or attach. Only {@code java.base} is used here, so that such a loader needs nothing else.
 */
public final class RuntimeJar {
    static final String RUNTIME_PREFIX = "io/jfrtrace/runtime/";

    private RuntimeJar() {
    }

    /** The runtime jar for {@code agentJar} in {@code cacheFolder}, written if it does not hold it yet. */
    public static Path cached(Path agentJar, Path cacheFolder) throws IOException {
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            List<JarEntry> entries = new ArrayList<>();
            StringBuilder listing = new StringBuilder();
            for (JarEntry e : Collections.list(jar.entries())) {
                if (!e.isDirectory() && e.getName().startsWith(RUNTIME_PREFIX)) {
                    entries.add(e);
                    listing.append(e.getName()).append(':').append(e.getCrc()).append(':').append(e.getSize()).append('\n');
                }
            }
            String name = "jfr-trace-runtime-" + ContentName.of(listing.toString().getBytes(StandardCharsets.UTF_8)) + ".jar";
            return CachedFile.ensure(cacheFolder, name, build(jar, entries));
        }
    }

    /**
     * The same bytes for the same entries, on any JDK, so that a cached file can be compared with them: stored
     * (the bootstrap loader reads them as they are), each entry's time taken from the agent jar.
     */
    private static byte[] build(JarFile jar, List<JarEntry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            for (JarEntry e : entries) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(e.getSize());
                copy.setCrc(e.getCrc());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                try (InputStream in = jar.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
