package io.jfrtrace.analyzer.python;

/**
 * A Python code object as a {@code .prof} file holds one: {@code python -m profile -o} names the profiled script's
 * pseudo-function by its code object, which pstats prints as its repr. Only what the repr shows is kept.
 */
public record PyCode(String name, String filename, int firstLineNo, int offset) {
    /**
     * {@code repr(code)}: {@code <code object NAME at 0x..., file "FILE", line N>}. The address is the object's in
     * the process that loaded the file, different in every Python process too; this prints the code object's byte
     * offset in the file instead, as 12 hex digits like a 64-bit Linux address, so that columns line up as pstats'.
     */
    public String repr() {
        return "<code object " + name + " at 0x" + String.format("%012x", offset) + ", file "
                + (filename == null ? "???" : "\"" + filename + "\"") + ", line " + firstLineNo + ">";
    }
}
