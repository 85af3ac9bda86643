package io.jfrtrace.analyzer.jfr;

/** Class names as the JVM writes them into a recording ({@code java/lang/String}, {@code [B}) made Java names. */
final class JvmNames {
    private JvmNames() {
    }

    /** {@code com/example/Outer$Inner} → {@code com.example.Outer$Inner}; {@code [[Ljava/lang/String;} → {@code java.lang.String[][]}. */
    static String javaName(String internal) {
        int dims = 0;
        while (dims < internal.length() && internal.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0 || dims == internal.length()) {
            return internal.replace('/', '.');
        }
        String component = switch (internal.charAt(dims)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'F' -> "float";
            case 'J' -> "long";
            case 'D' -> "double";
            case 'L' -> internal.substring(dims + 1, internal.endsWith(";") ? internal.length() - 1 : internal.length())
                    .replace('/', '.');
            default -> internal.substring(dims).replace('/', '.');
        };
        return component + "[]".repeat(dims);
    }
}
