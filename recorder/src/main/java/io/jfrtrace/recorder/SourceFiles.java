package io.jfrtrace.recorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.jfrtrace.schema.text.SourceLines;

/**
 * The sources {@code --trace} prints lines of, as CPython's linecache gives them: looked up by the class's source path
 * ({@code com/example/Demo.java}) in the folders the user named ({@code sourcePath}), the first that holds it, each
 * read once. Nothing outside those folders is read (a SourceFile attribute with {@code ..} or an absolute path finds
 * nothing). A file that is not there, cannot be read or is not UTF-8 has no lines, as linecache has none for it.
 */
final class SourceFiles {
    private final List<Path> roots = new ArrayList<>();
    private final Map<String, List<String>> read = new ConcurrentHashMap<>();

    SourceFiles(List<String> folders) {
        for (String f : folders) {
            roots.add(Path.of(f).toAbsolutePath().normalize());
        }
    }

    /** The file's lines, each with its line end ({@link SourceLines}); empty when it has none. */
    List<String> lines(String file) {
        return read.computeIfAbsent(file, this::load);
    }

    private List<String> load(String file) {
        for (Path root : roots) {
            Path p;
            try {
                p = root.resolve(file).normalize();
            } catch (RuntimeException e) {
                return List.of(); // not a path on this file system
            }
            if (p.startsWith(root) && Files.isRegularFile(p)) {
                try {
                    String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(Files.readAllBytes(p))).toString();
                    // tokenize.open, which linecache reads with, drops a UTF-8 byte-order mark
                    return SourceLines.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
                } catch (IOException e) { // a CharacterCodingException too
                    return List.of();
                }
            }
        }
        return List.of();
    }
}
