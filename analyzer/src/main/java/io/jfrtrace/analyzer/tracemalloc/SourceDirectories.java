package io.jfrtrace.analyzer.tracemalloc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SourceLines} reading files like Python's {@code linecache}: an absolute file name is read as is, a relative
 * one is looked up under each source directory in turn (as {@code linecache} searches {@code sys.path}). Files are
 * decoded as UTF-8 (a BOM is dropped; undecodable files give no lines) and split at {@code \n}, {@code \r\n} and
 * {@code \r}. Names like {@code <unknown>} never match. Files are read once and cached.
 */
public final class SourceDirectories implements SourceLines {
    private final List<Path> roots;
    private final Map<String, List<String>> cache = new HashMap<>();

    public SourceDirectories(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    @Override
    public synchronized String line(String filename, int lineno) {
        List<String> lines = cache.computeIfAbsent(filename, this::load);
        if (lineno < 1 || lineno > lines.size()) return null;
        return lines.get(lineno - 1);
    }

    private List<String> load(String filename) {
        if (filename.isEmpty() || (filename.startsWith("<") && filename.endsWith(">"))) return List.of();
        try {
            Path p = Path.of(filename);
            if (p.isAbsolute()) return read(p);
            for (Path root : roots) {
                List<String> lines = read(root.resolve(p));
                if (!lines.isEmpty()) return lines;
            }
        } catch (InvalidPathException e) {
            return List.of();
        }
        return List.of();
    }

    private static List<String> read(Path p) {
        if (!Files.isRegularFile(p)) return List.of();
        String text;
        try {
            byte[] bytes = Files.readAllBytes(p);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return List.of();
        } catch (IOException e) {
            return List.of();
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < text.length()) lines.add(text.substring(start));
        return lines;
    }
}
