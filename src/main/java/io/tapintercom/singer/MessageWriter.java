package io.tapintercom.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * The only writer of stdout: one Singer message per line. Each message is serialised whole before it
 * is written under the lock, so a line is never interleaved or cut, even when a shutdown closes the
 * writer mid-sync. RECORDs are buffered; SCHEMA, STATE and ACTIVATE_VERSION flush, as does a record
 * written after a quiet spell, so a reader waiting for the first RECORD is not kept waiting.
 * Unless told otherwise (strip_nul_characters off), U+0000 is left out of every string written.
 */
public final class MessageWriter implements AutoCloseable {
    private static final int BUFFER_LIMIT = 64 * 1024;
    private static final long FLUSH_INTERVAL_MILLIS = 200;

    private static final ObjectWriter EXACT = Json.MAPPER.writer();
    private static final ObjectWriter WITHOUT_NUL = EXACT.with(new NulStripping());

    private final OutputStream out;
    private final Clock clock;
    private final ObjectWriter serialiser;
    private final byte[] buffer = new byte[BUFFER_LIMIT];
    private int buffered;
    private long lastFlush;
    private boolean closed;
    private long records;

    public MessageWriter(OutputStream out, Clock clock) {
        this(out, clock, true);
    }

    /** @param stripNul leave U+0000 out of every string (strip_nul_characters); false writes strings exactly */
    public MessageWriter(OutputStream out, Clock clock, boolean stripNul) {
        this.out = out;
        this.clock = clock;
        this.serialiser = stripNul ? WITHOUT_NUL : EXACT;
        this.lastFlush = clock.millis();
    }

    public void schema(String stream, JsonNode schema, List<String> keyProperties, List<String> bookmarkProperties) {
        ObjectNode message = Json.object().put("type", "SCHEMA").put("stream", stream);
        message.set("schema", schema);
        message.set("key_properties", Json.strings(keyProperties));
        if (!bookmarkProperties.isEmpty()) {
            message.set("bookmark_properties", Json.strings(bookmarkProperties));
        }
        write(message, true);
    }

    public void record(String stream, JsonNode record, String timeExtracted, Long version) {
        ObjectNode message = Json.object().put("type", "RECORD").put("stream", stream);
        message.set("record", record);
        if (version != null) {
            message.put("version", version);
        }
        if (timeExtracted != null) {
            message.put("time_extracted", timeExtracted);
        }
        // Counted only when written: a record refused after close() was never seen by the target.
        if (write(message, false)) {
            synchronized (this) {
                records++;
            }
        }
    }

    public void state(JsonNode value) {
        ObjectNode message = Json.object().put("type", "STATE");
        message.set("value", value);
        write(message, true);
    }

    public void activateVersion(String stream, long version) {
        write(Json.object().put("type", "ACTIVATE_VERSION").put("stream", stream).put("version", version), true);
    }

    public synchronized long recordsWritten() {
        return records;
    }

    /** @return false when the writer was already closed and the message was dropped */
    private boolean write(ObjectNode message, boolean flushNow) {
        byte[] line;
        try {
            byte[] json = serialiser.writeValueAsBytes(message);
            // The newline travels with its message: appended separately, a message larger than the buffer
            // went out at once while its newline waited in the buffer, leaving a cut line on stdout.
            line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialise a Singer message", e);
        }
        synchronized (this) {
            if (closed) {
                return false;
            }
            try {
                append(line);
                long now = clock.millis();
                if (flushNow || now - lastFlush >= FLUSH_INTERVAL_MILLIS) {
                    flushBuffer();
                    lastFlush = now;
                }
            } catch (IOException e) {
                throw new OutputClosedException(e);
            }
        }
        return true;
    }

    private void append(byte[] bytes) throws IOException {
        if (buffered + bytes.length > buffer.length) {
            flushBuffer();
        }
        if (bytes.length > buffer.length) {
            out.write(bytes);
            return;
        }
        System.arraycopy(bytes, 0, buffer, buffered, bytes.length);
        buffered += bytes.length;
    }

    private void flushBuffer() throws IOException {
        if (buffered > 0) {
            out.write(buffer, 0, buffered);
            buffered = 0;
        }
        out.flush();
    }

    /** Writes out every complete message and refuses later ones; safe to call from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            flushBuffer();
        } catch (IOException ignored) {
            // stdout is gone (a closed pipe); nothing more can be said on it
        }
        closed = true;
    }
}
