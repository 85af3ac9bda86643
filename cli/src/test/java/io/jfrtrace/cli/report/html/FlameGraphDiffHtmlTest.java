package io.jfrtrace.cli.report.html;

import static io.jfrtrace.cli.report.html.FlameGraphHtmlTest.GET;
import static io.jfrtrace.cli.report.html.FlameGraphHtmlTest.MAIN;
import static io.jfrtrace.cli.report.html.FlameGraphHtmlTest.PUT;
import static io.jfrtrace.cli.report.html.FlameGraphHtmlTest.WORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.stacks.CollapsedStacks;
import io.jfrtrace.analyzer.stacks.StackSamples;
import io.jfrtrace.cli.output.Formats;
import io.jfrtrace.cli.report.StacksDiffReport;
import io.jfrtrace.cli.report.StacksReport;

/**
 * The differential flame graph's data: the union of both sides' call paths, each with the new and the old value,
 * read back by python3's json module and rebuilt as documented in FlameGraphHtml.writeData (quadruples). The colours
 * are tested in a real browser by CompareSampledIT.
 */
class FlameGraphDiffHtmlTest {
    @TempDir
    Path work;

    static StackSamples old() {
        return new StackSamples()
                .add(List.of(MAIN, WORK, PUT), 3, 300)
                .add(List.of(MAIN, GET), 5, 50)
                .add(List.of(MAIN, WORK, GET), 1, 7) // only in the old profile
                .add(List.of(), 2, 2);
    }

    static StackSamples current() {
        return new StackSamples()
                .add(List.of(MAIN, WORK, PUT), 9, 900)
                .add(List.of(MAIN, GET), 1, 10)
                .add(List.of(MAIN, PUT), 4, 40); // only in the new profile
    }

    static String page(boolean weighted) throws Exception {
        StringWriter out = new StringWriter();
        new FlameGraphDiffHtml().write(new StacksDiffReport(old(), current(), weighted, "new against old", "samples"), out);
        return out.toString();
    }

    /** TOTAL new-total new-empty old-total old-empty, then NODE new old path per node, ROOT new old. */
    List<String> python(String page) throws Exception {
        return PageData.python(work, page,
                "assert d['diff'] is True",
                "print('TOTAL', d['total'], d['empty'], d['oldTotal'], d['oldEmpty'])",
                "a = numbers(d['nodes']); assert len(a) % 4 == 0",
                "parent = [-1]; name = [None]; new = [d['empty']]; old = [d['oldEmpty']]; cur = 0",
                "for j in range(0, len(a), 4):",
                "    for _ in range(a[j + 1]): cur = parent[cur]",
                "    parent.append(cur); name.append(a[j]); new.append(a[j + 2]); old.append(a[j + 3]); cur = len(parent) - 1",
                "for i in range(len(new) - 1, 0, -1): new[parent[i]] += new[i]; old[parent[i]] += old[i]",
                "for i in range(1, len(new)):",
                "    path = []; k = i",
                "    while k > 0: path.append(names[name[k]]); k = parent[k]",
                "    print('NODE', new[i], old[i], ';'.join(reversed(path)))",
                "print('ROOT', new[0], old[0])");
    }

    /** Every prefix of every stack, by label, summed. */
    static Map<String, Long> paths(StackSamples samples, boolean weighted) {
        Map<String, Long> sums = new HashMap<>();
        samples.forEach((stack, count, weight) -> {
            List<String> path = new ArrayList<>();
            for (FunctionKey f : stack) {
                path.add(CollapsedStacks.label(f));
                sums.merge(String.join(";", path), weighted ? weight : count, Long::sum);
            }
        });
        return sums;
    }

    @ParameterizedTest(name = "weighted: {0}")
    @ValueSource(booleans = {false, true})
    void everyPathOfEitherSideHoldsBothValues(boolean weighted) throws Exception {
        Map<String, Long> news = paths(current(), weighted);
        Map<String, Long> olds = paths(old(), weighted);
        Map<String, List<Long>> expected = new HashMap<>();
        for (String path : news.keySet()) {
            expected.put(path, List.of(news.get(path), olds.getOrDefault(path, 0L)));
        }
        for (String path : olds.keySet()) {
            expected.putIfAbsent(path, List.of(0L, olds.get(path)));
        }
        List<String> lines = python(page(weighted));
        Map<String, List<Long>> nodes = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("NODE ")) {
                String[] parts = line.split(" ", 4);
                assertEquals(null, nodes.put(parts[3], List.of(Long.parseLong(parts[1]), Long.parseLong(parts[2]))), line);
            }
        }
        assertEquals(expected, nodes);
        String getUnderWork = String.join(";", CollapsedStacks.label(MAIN), CollapsedStacks.label(WORK), CollapsedStacks.label(GET));
        assertEquals(List.of(0L, weighted ? 7L : 1L), nodes.get(getUnderWork), "a path only the old side has");
        long newTotal = weighted ? current().weight() : current().samples();
        long oldTotal = weighted ? old().weight() : old().samples();
        assertTrue(lines.contains("TOTAL " + newTotal + " 0 " + oldTotal + " 2"), lines::toString);
        assertTrue(lines.contains("ROOT " + newTotal + " " + oldTotal), lines::toString);
    }

    @Test
    void htmlPrintsBothReportsAndOnlyTheDiffPageIsInDiffMode() throws Exception {
        assertTrue(Formats.named("html").writerFor(StacksDiffReport.class).orElseThrow() instanceof FlameGraphDiffHtml);
        assertTrue(Formats.named("html").writerFor(StacksReport.class).orElseThrow() instanceof FlameGraphHtml);
        assertTrue(page(false).contains("\"diff\":true,"));
        assertTrue(!FlameGraphHtmlTest.page(current(), false).contains("\"diff\""), "a plain flame graph is no diff");
    }
}
