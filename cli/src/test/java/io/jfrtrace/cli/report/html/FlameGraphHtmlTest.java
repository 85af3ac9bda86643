package io.jfrtrace.cli.report.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.stacks.CollapsedStacks;
import io.jfrtrace.analyzer.stacks.StackSamples;
import io.jfrtrace.cli.output.Formats;
import io.jfrtrace.cli.report.StacksReport;

/**
 * The flame graph page: self-contained, every name escaped yet intact, the right totals per call path. The page's
 * data is read back by python3's json module (an independent JSON parser), which also rebuilds the tree the way the
 * page's script does. The drawing itself is tested in a real browser by FlameGraphChromiumIT.
 */
class FlameGraphHtmlTest {
    static final FunctionKey MAIN = new FunctionKey("com/example/App.java", 0, "App.main");
    static final FunctionKey WORK = new FunctionKey("com/example/App.java", 0, "App.work");
    static final FunctionKey PUT = new FunctionKey("java/util/HashMap.java", 0, "HashMap.put");
    static final FunctionKey GET = new FunctionKey("java/util/HashMap.java", 0, "HashMap.get");

    @TempDir
    Path work;

    static String page(StackSamples samples, boolean weighted) throws IOException {
        StringWriter out = new StringWriter();
        new FlameGraphHtml().write(new StacksReport(samples, weighted, "42 samples (test)", "samples"), out);
        return out.toString();
    }

    /**
     * What python3 reads in the page's data (decoding its number lists as documented in FlameGraphHtml): TOTAL, one
     * NAME per label (code points in hex), HUES (by label), one NODE per node (its total and path).
     */
    List<String> python(String page) throws Exception {
        return PageData.python(work, page,
                "runs = numbers(d['hues']); hues = []",
                "for k in range(0, len(runs), 2): hues += [runs[k + 1]] * runs[k]",
                "print('TOTAL', d['total'], d['empty'])",
                "for n in names: print('NAME', ' '.join('%x' % ord(c) for c in n))",
                "print('HUES', ' '.join(str(h) for h in hues))",
                "a = numbers(d['nodes']); parent = [-1]; name = [None]; value = [d['empty']]; cur = 0",
                "for j in range(0, len(a), 3):",
                "    for _ in range(a[j + 1]): cur = parent[cur]",
                "    parent.append(cur); name.append(a[j]); value.append(a[j + 2]); cur = len(parent) - 1",
                "for i in range(len(value) - 1, 0, -1): value[parent[i]] += value[i]",
                "for i in range(1, len(value)):",
                "    path = []; k = i",
                "    while k > 0: path.append(names[name[k]]); k = parent[k]",
                "    print('NODE', value[i], ';'.join(reversed(path)))",
                "print('ROOT', value[0])");
    }

    static StackSamples sample() {
        return new StackSamples()
                .add(List.of(MAIN, WORK, PUT), 3, 300)
                .add(List.of(MAIN, WORK), 2, 200)
                .add(List.of(MAIN, GET), 5, 50)
                // the same label as PUT at another line: the same frame in the graph, as in collapsed stacks
                .add(List.of(MAIN, WORK, new FunctionKey("java/util/HashMap.java", 7, "HashMap.put")), 1, 10)
                .add(List.of(), 1, 1);
    }

    @Test
    void thePageIsSelfContained() throws Exception {
        String page = page(sample(), false).toLowerCase(Locale.ROOT);
        for (String external : List.of("http:", "https:", "src=", "<link", "@import", "url(", "<iframe", "<img",
                "<object", "<embed", "fetch(", "xmlhttprequest", "websocket", "import(")) {
            assertFalse(page.contains(external), external);
        }
        assertTrue(page.contains("content-security-policy\" content=\"default-src 'none';"), "a policy that forbids fetches");
        assertTrue(page.startsWith("<!doctype html>"));
    }

    @Test
    void htmlIsAFormatForStacks() {
        assertTrue(Formats.named("html").writerFor(StacksReport.class).orElseThrow() instanceof FlameGraphHtml);
    }

    @Test
    void namesThatLookLikeMarkupAreEscapedAndSurvive() throws Exception {
        List<FunctionKey> nasty = List.of(
                FunctionKey.builtin("</script><script>alert(1)</script>"),
                FunctionKey.builtin("a<b & c>d \"quoted\" 'single' `back` \\ slash"),
                FunctionKey.builtin("<!-- comment --> </SCRIPT "),
                FunctionKey.builtin("line\u2028and\u2029para\ttab\u0001ctl"),
                FunctionKey.builtin("lone \ud800 surrogate, a pair \ud83d\ude00"),
                FunctionKey.builtin("semi;colon"),
                new FunctionKey("com/x/Y.java", 3, "Y.<init>"));
        StackSamples samples = new StackSamples().add(nasty, 1, 1);
        String page = page(samples, false);

        // the page's own two script elements are the only ones, and no name appears raw
        assertEquals(2, count(page.toLowerCase(Locale.ROOT), "</script"), "closing script tags");
        assertEquals(2, count(page.toLowerCase(Locale.ROOT), "<script"), "opening script tags");
        assertFalse(page.contains("<!--"));
        assertFalse(page.contains("\u2028") || page.contains("\u2029"));
        assertFalse(page.chars().anyMatch(c -> Character.isSurrogate((char) c)), "surrogates are escaped");

        List<String> expected = nasty.stream().map(f -> CollapsedStacks.label(f).replace(';', ':')).sorted().toList();
        List<String> names = python(page).stream().filter(l -> l.startsWith("NAME")).map(l -> l.substring(4).strip())
                .toList();
        assertEquals(expected.stream().map(FlameGraphHtmlTest::hex).toList(), names);
    }

    private static String hex(String s) {
        return s.codePoints().mapToObj(Integer::toHexString).collect(Collectors.joining(" "));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @ParameterizedTest(name = "weighted: {0}")
    @ValueSource(booleans = {false, true})
    void theDataHoldsEveryCallPathsTotal(boolean weighted) throws Exception {
        StackSamples samples = sample();
        // expected: every prefix of every stack, by label, summed
        Map<String, Long> expected = new HashMap<>();
        samples.forEach((stack, count, weight) -> {
            List<String> path = new ArrayList<>();
            for (FunctionKey f : stack) {
                path.add(CollapsedStacks.label(f));
                expected.merge(String.join(";", path), weighted ? weight : count, Long::sum);
            }
        });
        long total = weighted ? samples.weight() : samples.samples();
        long empty = 1; // the stack without frames: 1 sample of weight 1

        List<String> lines = python(page(samples, weighted));
        Map<String, Long> nodes = new HashMap<>();
        Pattern node = Pattern.compile("NODE (\\d+) (.*)");
        for (String line : lines) {
            Matcher m = node.matcher(line);
            if (m.matches()) {
                assertEquals(null, nodes.put(m.group(2), Long.parseLong(m.group(1))), "one node per path: " + line);
            }
        }
        assertEquals(expected, nodes);
        assertTrue(lines.contains("TOTAL " + total + " " + empty), lines::toString);
        assertTrue(lines.contains("ROOT " + total), lines::toString);
        assertEquals(weighted ? 561 : 12, total, "the sample's sums");
    }

    @Test
    void coloursAreStableAndByPackage() throws Exception {
        assertEquals("com/example", FrameColour.packageOf(MAIN));
        assertEquals("java.lang", FrameColour.packageOf(FunctionKey.builtin("java.lang.String")));
        assertEquals("", FrameColour.packageOf(new FunctionKey("Top.java", 1, "Top.main")));
        assertEquals("", FrameColour.packageOf(FunctionKey.builtin("<native>")));
        // a 32-bit FNV-1a of the package's name modulo 360, computed independently (python3)
        assertEquals(171, FrameColour.hue(MAIN));
        assertEquals(171, FrameColour.hue(WORK));
        assertEquals(258, FrameColour.hue(PUT));
        assertEquals(81, FrameColour.hue(FunctionKey.builtin("java.lang.String")));
        assertNotEquals(FrameColour.hue(MAIN), FrameColour.hue(PUT));

        // in the page: same package, same hue, whatever else the graph holds
        List<String> lines = python(page(sample(), false));
        assertArrayEquals(new int[] {171, 171, 258, 258}, hues(lines), "App.main, App.work, HashMap.get, HashMap.put");
        assertArrayEquals(new int[] {258}, hues(python(page(new StackSamples().add(List.of(PUT), 1, 1), false))));
    }

    private static int[] hues(List<String> lines) {
        String line = lines.stream().filter(l -> l.startsWith("HUES")).findFirst().orElseThrow();
        return java.util.Arrays.stream(line.substring(4).strip().split(" ")).mapToInt(Integer::parseInt).toArray();
    }
}
