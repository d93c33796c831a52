package io.tapintercom.singer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures what {@link Log} prints, and puts the previous sink and level back on close. */
public final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream previous;

    public LogCapture(Log.Level level) {
        previous = Log.sink();
        Log.setSink(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Log.setLevel(level);
    }

    public LogCapture() {
        this(Log.Level.INFO);
    }

    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public List<String> lines() {
        return text().lines().toList();
    }

    @Override
    public void close() {
        Log.setSink(previous);
        Log.setLevel(Log.Level.INFO);
    }
}
