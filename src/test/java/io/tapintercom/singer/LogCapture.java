package io.tapintercom.singer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A logger writing into a buffer, for tests that read what was logged; its own secrets unless given. */
public final class LogCapture {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Logger logger;

    public LogCapture(Logger.Level level, Secrets secrets) {
        logger = new Logger(new PrintStream(bytes, true, StandardCharsets.UTF_8), level, secrets);
    }

    public LogCapture(Logger.Level level) {
        this(level, new Secrets());
    }

    public LogCapture() {
        this(Logger.Level.INFO);
    }

    public Logger logger() {
        return logger;
    }

    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public List<String> lines() {
        return text().lines().toList();
    }
}
