package io.jfrtrace.cli.report.html;

import java.nio.charset.StandardCharsets;

import io.jfrtrace.analyzer.pstats.FunctionKey;

/**
 * A frame's colour: its hue from its package, so every frame of one package has the same hue in every graph (a hash
 * of the package's name, not the order frames were met) and a package is recognisable across recordings; one of
 * {@link #SHADES} lightnesses from its label, so neighbouring frames of one package stay apart.
 */
final class FrameColour {
    static final int SHADES = 4;

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

    /** The hue, 0..359. */
    static int hue(FunctionKey frame) {
        return Integer.remainderUnsigned(fnv1a(packageOf(frame)), 360);
    }

    /** The page's code for a frame's colour: {@code hue * SHADES + shade}, the shade (0..3) from its label. */
    static int code(FunctionKey frame, String label) {
        return hue(frame) * SHADES + Integer.remainderUnsigned(fnv1a(label), SHADES);
    }

    /** 32-bit FNV-1a of the UTF-8 bytes: stable across JVMs and runs, unlike String.hashCode's spread. */
    private static int fnv1a(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x01000193;
        }
        return h;
    }
}
