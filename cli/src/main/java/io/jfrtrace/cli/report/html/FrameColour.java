package io.jfrtrace.cli.report.html;

import java.nio.charset.StandardCharsets;

import io.jfrtrace.analyzer.pstats.FunctionKey;

/**
 * A frame's hue from its package: every frame of one package has the same hue in every graph (a hash of the package's
 * name, not the order frames were met), so a package is recognisable across recordings. (The page varies the
 * lightness by label, so that neighbouring frames of one package stay apart.)
 */
final class FrameColour {
    private FrameColour() {
    }

    /**
     * A frame's package: the folder of its file ({@code com/example} for {@code com/example/Fib.java}, empty for the
     * default package); for a built-in (an allocated class, a frame without a class) what precedes its name's last
     * dot ({@code java.lang} for {@code java.lang.String}), else the empty package.
     */
    static String packageOf(FunctionKey frame) {
        if (frame.file().equals("~")) {
            int dot = frame.name().lastIndexOf('.');
            return dot > 0 ? frame.name().substring(0, dot) : "";
        }
        int slash = frame.file().lastIndexOf('/');
        return slash < 0 ? "" : frame.file().substring(0, slash);
    }

    /** The hue, 0..359: a 32-bit FNV-1a hash of the package's UTF-8 bytes (stable across JVMs and runs). */
    static int hue(FunctionKey frame) {
        int h = 0x811c9dc5;
        for (byte b : packageOf(frame).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x01000193;
        }
        return Integer.remainderUnsigned(h, 360);
    }
}
