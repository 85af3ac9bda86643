package io.jfrtrace.analyzer.pstats.browser;

import io.jfrtrace.analyzer.python.PyStr;

import java.util.ArrayList;
import java.util.List;

/** {@code cmd.Cmd.columnize}: words in as few rows as fit the width, columns as wide as their longest word. */
final class Columns {
    private Columns() {
    }

    static void print(StringBuilder out, List<String> words, int displayWidth) {
        int size = words.size();
        if (size == 0) {
            out.append("<empty>\n");
            return;
        }
        if (size == 1) {
            out.append(words.get(0)).append('\n');
            return;
        }
        int rows = size;
        List<Integer> widths = List.of(0); // one word a row, unpadded: what cmd does when no layout fits
        for (int tryRows = 1; tryRows < size; tryRows++) {
            List<Integer> tryWidths = new ArrayList<>();
            int total = -2;
            for (int col = 0; col < (size + tryRows - 1) / tryRows; col++) {
                int width = 0;
                for (int row = 0; row < tryRows && row + tryRows * col < size; row++) {
                    width = Math.max(width, PyStr.len(words.get(row + tryRows * col)));
                }
                tryWidths.add(width);
                total += width + 2;
                if (total > displayWidth) {
                    break;
                }
            }
            if (total <= displayWidth) {
                rows = tryRows;
                widths = tryWidths;
                break;
            }
        }
        int cols = rows == size ? 1 : (size + rows - 1) / rows;
        for (int row = 0; row < rows; row++) {
            List<String> texts = new ArrayList<>();
            for (int col = 0; col < cols; col++) {
                int i = row + rows * col;
                texts.add(i >= size ? "" : words.get(i));
            }
            while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
                texts.remove(texts.size() - 1);
            }
            for (int col = 0; col < texts.size(); col++) {
                texts.set(col, PyStr.ljust(texts.get(col), widths.get(col)));
            }
            out.append(String.join("  ", texts)).append('\n');
        }
    }
}
