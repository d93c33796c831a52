package io.tapintercom.intercom;

import io.tapintercom.singer.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sends {@link Log} to a buffer for the length of a test; close puts the previous sink back. */
public final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream previous;

    public LogCapture() {
        previous = Log.sink();
        Log.setSink(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        Log.setLevel(Log.Level.INFO);
    }

    public String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    public List<String> lines() {
        return text().lines().toList();
    }

    @Override
    public void close() {
        Log.setSink(previous);
    }
}
