package io.jfrtrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;

/**
 * The help pages, as picocli prints them, rendered by picocli when the jar is built ({@code cli/pom.xml}, phase
 * {@code process-classes}) and printed from the jar at run time: picocli's models of all the commands and its
 * layout of the page took three times the JVM's own start-up (docs/architecture.md, "Start-up").
 *
 * <p>Only a command line that asks for help alone ({@code --help}, {@code help}, {@code stats -h},
 * {@code help stats}, ...) is answered from here; any other, and all of them when the pages are missing (a build
 * that skipped the step) or picocli's width is set, go to picocli. {@code HelpPagesTest} holds every page to
 * picocli's own output, in colour and without.
 */
final class HelpPages {
    /** The resource folder beside this class, and the file there that maps command lines to pages. */
    static final String FOLDER = "help/";
    static final String INDEX = "index.txt";

    private HelpPages() {
    }

    /**
     * Prints the page {@code args} asks for, in colour when picocli would colour it, and returns true; false (and
     * nothing printed) when picocli must answer.
     */
    static boolean print(String[] args, OutputStream out) {
        if (args.length == 0 || args.length > 2 || System.getProperty("picocli.usage.width") != null
                || !(args[0].equals("help") || isHelpOption(args[args.length - 1]))) {
            return false; // before the index: reading a resource opens the jar, milliseconds every command would pay
        }
        String page = index().get(String.join(" ", args));
        if (page == null) {
            return false;
        }
        byte[] text = resource(page + (Ansi.AUTO.enabled() ? ".ansi" : "") + ".txt");
        if (text == null) {
            return false;
        }
        try {
            out.write(text);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    private static boolean isHelpOption(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    /** Command line (its arguments joined by a space) to page name; empty when the pages are missing. */
    private static Map<String, String> index() {
        byte[] index = resource(INDEX);
        Map<String, String> pages = new HashMap<>();
        if (index != null) {
            for (String line : new String(index, StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    pages.put(line.substring(tab + 1), line.substring(0, tab));
                }
            }
        }
        return pages;
    }

    private static byte[] resource(String name) {
        try (InputStream in = HelpPages.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** Every command line that asks for help alone: the top command's and each subcommand's. */
    static List<List<String>> helpCommandLines() {
        List<List<String>> lines = new ArrayList<>(List.of(List.of("--help"), List.of("-h"), List.of("help")));
        for (Class<?> command : Main.SUBCOMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            if (!name.equals("help")) {
                lines.add(List.of(name, "--help"));
                lines.add(List.of(name, "-h"));
                lines.add(List.of("help", name));
            }
        }
        return lines;
    }

    /** What picocli prints for {@code args}: its exit code and its two streams. */
    record Printed(int exitCode, String out, String err) {
    }

    /** Runs {@code args} through picocli alone, with the given colouring (the pages' source, and the tests'). */
    static Printed picocli(List<String> args, Ansi ansi) {
        String[] argv = args.toArray(String[]::new);
        CommandLine cl = Main.commandLine(argv);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(argv);
        return new Printed(code, out.toString(), err.toString());
    }

    /**
     * Build time: writes into the folder given every page picocli prints for a help command line (exit 0, nothing
     * on stderr), plain and in colour, one file per distinct page, and the index.
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        Map<String, String> pageOfText = new LinkedHashMap<>(); // plain + colour text -> page name
        StringBuilder index = new StringBuilder();
        for (List<String> line : helpCommandLines()) {
            Printed plain = picocli(line, Ansi.OFF);
            Printed colour = picocli(line, Ansi.ON);
            if (plain.exitCode() != 0 || !plain.err().isEmpty() || colour.exitCode() != 0 || !colour.err().isEmpty()) {
                throw new IllegalStateException("not a help command line: " + line + " " + plain + " " + colour);
            }
            String page = pageOfText.get(plain.out() + '\0' + colour.out());
            if (page == null) {
                page = "page" + pageOfText.size();
                pageOfText.put(plain.out() + '\0' + colour.out(), page);
                Files.writeString(folder.resolve(page + ".txt"), plain.out(), StandardCharsets.UTF_8);
                Files.writeString(folder.resolve(page + ".ansi.txt"), colour.out(), StandardCharsets.UTF_8);
            }
            index.append(page).append('\t').append(String.join(" ", line)).append('\n');
        }
        Files.writeString(folder.resolve(INDEX), index, StandardCharsets.UTF_8);
    }
}
