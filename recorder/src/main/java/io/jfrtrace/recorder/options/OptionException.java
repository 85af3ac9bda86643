package io.jfrtrace.recorder.options;

/** An unknown key or a bad value in the agent's option string; the message is the line to print. */
public final class OptionException extends Exception {
    private static final long serialVersionUID = 1L;

    public OptionException(String message) {
        super(message);
    }
}
