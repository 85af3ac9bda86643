package io.jfrtrace.cli.convert;

import java.util.regex.Pattern;

import io.jfrtrace.analyzer.python.Fnmatch;

/** An fnmatch pattern as given (for messages) and compiled (for matching). */
public record Glob(String text, Pattern pattern) {
    public static Glob of(String text) {
        return new Glob(text, Fnmatch.compile(text));
    }

    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }
}
