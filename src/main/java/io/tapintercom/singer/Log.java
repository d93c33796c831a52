package io.tapintercom.singer;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Singer-style logging: one {@code LEVEL message} line per event on stderr. Every line passes through
 * the redactor, so a secret registered here can never reach the log, whatever a caller formats into it.
 */
public final class Log {
    public enum Level { DEBUG, INFO, WARNING, ERROR, CRITICAL }

    private static volatile PrintStream sink = System.err;
    private static volatile Level threshold = Level.INFO;
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

    private Log() {}

    public static void setSink(PrintStream stream) {
        sink = stream;
    }

    public static PrintStream sink() {
        return sink;
    }

    public static void setLevel(Level level) {
        threshold = level;
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

    public static boolean enabled(Level level) {
        return level.compareTo(threshold) >= 0;
    }

    /** Registers a value that must never be printed. Short values are ignored to avoid mangling logs. */
    public static void addSecret(String secret) {
        if (secret != null && secret.length() >= 6) {
            SECRETS.add(secret);
        }
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : SECRETS) {
            out = out.replace(secret, "****");
        }
        return out;
    }

    public static void debug(String format, Object... args) {
        log(Level.DEBUG, format, args);
    }

    public static void info(String format, Object... args) {
        log(Level.INFO, format, args);
    }

    public static void warn(String format, Object... args) {
        log(Level.WARNING, format, args);
    }

    public static void error(String format, Object... args) {
        log(Level.ERROR, format, args);
    }

    public static void critical(String format, Object... args) {
        log(Level.CRITICAL, format, args);
    }

    public static void log(Level level, String format, Object... args) {
        if (!enabled(level)) {
            return;
        }
        String message = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        PrintStream out = sink;
        synchronized (out) {
            out.println(level.name() + " " + redact(message));
        }
    }
}
