package io.tapintercom.singer;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Singer-style logging: one {@code LEVEL message} line per event on the sink the environment gives (stderr).
 * Every line passes through the run's {@link Secrets}, so a secret can never reach the log whatever a caller
 * formats into it, and control characters are escaped, so a value with a CR or LF in it cannot forge a line.
 * Immutable: {@link #atLevel} gives a logger with another threshold over the same sink and secrets.
 */
public final class Logger {
    public enum Level { DEBUG, INFO, WARNING, ERROR, CRITICAL }

    private final PrintStream sink;
    private final Level threshold;
    private final Secrets secrets;

    public Logger(PrintStream sink, Level threshold, Secrets secrets) {
        this.sink = sink;
        this.threshold = threshold;
        this.secrets = secrets;
    }

    /** INFO and above to the sink, redacting nothing until secrets are added. */
    public static Logger to(PrintStream sink) {
        return new Logger(sink, Level.INFO, new Secrets());
    }

    /** A logger that prints nothing: for benchmarks and tests that do not look at the log. */
    public static Logger discarding() {
        return new Logger(new PrintStream(OutputStream.nullOutputStream()), Level.CRITICAL, new Secrets());
    }

    public Logger atLevel(Level level) {
        return new Logger(sink, level, secrets);
    }

    public Secrets secrets() {
        return secrets;
    }

    /** Parses a level name (also the Python spellings WARN and FATAL); null when unknown. */
    public static Level parseLevel(String name) {
        if (name == null) {
            return null;
        }
        switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "DEBUG": return Level.DEBUG;
            case "INFO": return Level.INFO;
            case "WARN": case "WARNING": return Level.WARNING;
            case "ERROR": return Level.ERROR;
            case "CRITICAL": case "FATAL": return Level.CRITICAL;
            default: return null;
        }
    }

    public boolean enabled(Level level) {
        return level.compareTo(threshold) >= 0;
    }

    public String redact(String text) {
        return secrets.redact(text);
    }

    public void debug(String format, Object... args) {
        log(Level.DEBUG, format, args);
    }

    public void info(String format, Object... args) {
        log(Level.INFO, format, args);
    }

    public void warn(String format, Object... args) {
        log(Level.WARNING, format, args);
    }

    public void error(String format, Object... args) {
        log(Level.ERROR, format, args);
    }

    public void critical(String format, Object... args) {
        log(Level.CRITICAL, format, args);
    }

    public void log(Level level, String format, Object... args) {
        if (!enabled(level)) {
            return;
        }
        String message = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        String line = level.name() + " " + escapeControls(secrets.redact(message));
        synchronized (sink) {
            sink.println(line);
        }
    }

    /** CR, LF and every other control character as a visible escape: one event is always one line. */
    static String escapeControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != 0x7f) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }
}
