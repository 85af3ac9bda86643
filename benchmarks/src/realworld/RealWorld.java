package bench;

import java.io.File;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import org.antlr.v4.Tool;
import org.h2.tools.RunScript;

import groovy.lang.GroovyShell;

/**
 * The steady-state half of the real-world benchmark (benchmarks/realworld.py): one of the three programs' own work,
 * in process, ROUNDS times, timed round by round ({@link Rounds#report}: the warm half counts). Each round starts
 * afresh as the program's own main would (a new Tool, a new in-memory database, a new GroovyShell), so a round is
 * the whole-process run without the JVM's start.
 *
 * <p>Usage: {@code bench.RealWorld antlr|h2|groovy INPUT ROUNDS [OUT_DIR]}
 */
public class RealWorld {
    public static void main(String[] args) throws Exception {
        String program = args[0];
        String input = args[1];
        int rounds = Integer.parseInt(args[2]);
        long[] times = new long[rounds];
        int sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += round(program, input, r, args.length > 3 ? args[3] : null);
            times[r] = System.nanoTime() - t0;
        }
        Rounds.report(times, sink);
    }

    private static int round(String program, String input, int round, String out) throws Exception {
        switch (program) {
            case "antlr": {
                Tool tool = new Tool(new String[] {"-visitor", "-o", out, input});
                tool.processGrammarsOnCommandLine();
                return tool.getNumErrors();
            }
            case "h2": {
                try (Connection c = DriverManager.getConnection("jdbc:h2:mem:round" + round);
                     Reader sql = Files.newBufferedReader(Path.of(input))) {
                    return RunScript.execute(c, sql) == null ? 0 : 1;
                }
            }
            case "groovy":
                return String.valueOf(new GroovyShell().evaluate(new File(input))).length();
            default:
                throw new IllegalArgumentException("unknown program " + program);
        }
    }
}
