package io.jfrtrace.analyzer.pstats.browser;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code cmd.Cmd}'s loop as {@code python -m pstats} runs it: the prompt (written and flushed before every line,
 * also when the input is not a terminal, as Python's {@code input()} does), a line read, its command dispatched;
 * end of input is the command {@code EOF}; an empty line repeats the last command; {@code help} and {@code ?} are
 * cmd's own; anything else is {@code *** Unknown syntax: LINE}.
 */
final class CommandLoop {
    /** A {@code do_NAME} method: true when the loop should stop. */
    @FunctionalInterface
    interface Action {
        boolean run(String arg);
    }

    private static final String DOC_HEADER = "Documented commands (type help <topic>):";
    private static final String MISC_HEADER = "Miscellaneous help topics:";
    private static final String UNDOC_HEADER = "Undocumented commands:";

    private final Map<String, Action> actions;
    private final Map<String, List<String>> topics;
    private final Supplier<String> prompt;
    private final PrintWriter out;
    private String lastCommand = "";

    /**
     * @param actions the commands ({@code do_NAME}) by name, {@code help} excepted (it is the loop's)
     * @param topics  the help texts ({@code help_NAME}) by name, a line each
     */
    CommandLoop(Map<String, Action> actions, Map<String, List<String>> topics, Supplier<String> prompt, PrintWriter out) {
        this.actions = Map.copyOf(actions);
        this.topics = Map.copyOf(topics);
        this.prompt = prompt;
        this.out = out;
    }

    /** {@code cmdloop()}: until a command says stop. */
    void run(LineSource in) throws IOException {
        boolean stop = false;
        while (!stop) {
            String line = in.readLine(prompt.get());
            stop = oneCommand(line == null ? "EOF" : line);
        }
        out.flush();
    }

    /** {@code onecmd(line)}. */
    boolean oneCommand(String text) {
        ParsedLine parsed = ParsedLine.parse(text);
        String line = parsed.line();
        if (line.isEmpty()) {
            return !lastCommand.isEmpty() && oneCommand(lastCommand);
        }
        if (parsed.command() == null) {
            return unknown(line); // a "!" line, which is not remembered
        }
        lastCommand = line.equals("EOF") ? "" : line;
        if (parsed.command().equals("help")) {
            help(parsed.arg());
            return false;
        }
        Action action = actions.get(parsed.command());
        return action == null ? unknown(line) : action.run(parsed.arg());
    }

    private boolean unknown(String line) {
        out.print("*** Unknown syntax: " + line + "\n");
        return false;
    }

    /** {@code do_help(arg)}: a topic's text, or the list of commands. */
    private void help(String arg) {
        if (!arg.isEmpty()) {
            List<String> text = topics.get(arg);
            if (text == null) {
                out.print("*** No help on " + arg + "\n");
            } else {
                text.forEach(l -> out.print(l + "\n"));
            }
            return;
        }
        TreeSet<String> names = new TreeSet<>(actions.keySet()); // Python's sort: these are ASCII names
        names.add("help");
        TreeSet<String> misc = new TreeSet<>(topics.keySet());
        List<String> documented = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        for (String name : names) {
            (misc.remove(name) ? documented : undocumented).add(name);
        }
        StringBuilder text = new StringBuilder("\n"); // cmd's doc_leader, empty
        topics(text, DOC_HEADER, documented);
        topics(text, MISC_HEADER, new ArrayList<>(misc));
        topics(text, UNDOC_HEADER, undocumented);
        out.print(text);
    }

    /** {@code print_topics(header, cmds, 15, 80)}. */
    private static void topics(StringBuilder text, String header, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        text.append(header).append('\n').append("=".repeat(header.length())).append('\n');
        Columns.print(text, names, 79);
        text.append('\n');
    }
}
