package io.jfrtrace.recorder.options;

import static io.jfrtrace.recorder.options.OptionValues.bad;
import static io.jfrtrace.recorder.options.OptionValues.bool;
import static io.jfrtrace.recorder.options.OptionValues.require;

import io.jfrtrace.schema.agent.AgentKeys;
import io.jfrtrace.schema.agent.DumpSignals;

/**
 * The agent's faulthandler keys: {@code faulthandler=true|false} (fatal-error dumps and the
 * default dump signal, on by default), {@code watchdog=MICROS}, {@code watchdogRepeat},
 * {@code watchdogExit}, {@code dumpSignal=NAME|none} (default USR1 while faulthandler is on),
 * {@code dumpFile=PATH|-} (also write each dump as text; - is stderr).
 */
public final class FaultOptions {
    public boolean faulthandler = true;
    public long watchdogMicros;
    public boolean watchdogRepeat;
    public boolean watchdogExit;
    /** null: the default (USR1 when faulthandler is on); "none": no signal. */
    public String dumpSignal;
    public String dumpFile;

    /** Takes the key if it is ours; false if it is not a faulthandler key. */
    public boolean set(String key, String value) throws OptionException {
        switch (key) {
            case AgentKeys.FAULTHANDLER -> faulthandler = bool(key, value);
            case AgentKeys.WATCHDOG -> {
                try {
                    watchdogMicros = Long.parseLong(require(key, value).trim());
                } catch (NumberFormatException e) {
                    throw bad(key, value);
                }
                if (watchdogMicros <= 0) {
                    throw bad(key, value);
                }
            }
            case AgentKeys.WATCHDOG_REPEAT -> watchdogRepeat = bool(key, value);
            case AgentKeys.WATCHDOG_EXIT -> watchdogExit = bool(key, value);
            case AgentKeys.DUMP_SIGNAL -> {
                String v = require(key, value);
                if (v.equalsIgnoreCase(AgentKeys.NO_SIGNAL)) {
                    dumpSignal = AgentKeys.NO_SIGNAL;
                } else {
                    try {
                        dumpSignal = DumpSignals.check(v);
                    } catch (IllegalArgumentException e) {
                        throw new OptionException("jfr-trace agent: dumpSignal: " + e.getMessage());
                    }
                }
            }
            case AgentKeys.DUMP_FILE -> dumpFile = require(key, value);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The signal to dump on, or null for none. */
    public String effectiveSignal() {
        if (dumpSignal == null) {
            return faulthandler ? DumpSignals.DEFAULT : null;
        }
        return dumpSignal.equals(AgentKeys.NO_SIGNAL) ? null : dumpSignal;
    }
}
