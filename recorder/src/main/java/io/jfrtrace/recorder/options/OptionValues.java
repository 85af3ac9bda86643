package io.jfrtrace.recorder.options;

/** Parsing of single agent option values, shared by every option group; messages are one line. */
public final class OptionValues {
    private OptionValues() {
    }

    public static String require(String key, String value) throws OptionException {
        if (value == null || value.isEmpty()) {
            throw new OptionException("jfr-trace agent: option '" + key + "' needs a value");
        }
        return value;
    }

    public static boolean bool(String key, String value) throws OptionException {
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        throw bad(key, value);
    }

    public static OptionException bad(String key, String value) {
        return new OptionException("jfr-trace agent: bad value '" + value + "' for option '" + key + "'");
    }
}
