package io.tapintercom.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only writer of stdout: one Singer message per line. Each message is serialised before the lock
 * is taken (a RECORD's record on the worker that transformed it, see {@link #encoder()}) and written
 * whole under it, so a line is never interleaved or cut, even when a shutdown closes the writer mid-sync. RECORDs are buffered; SCHEMA, STATE and ACTIVATE_VERSION flush, as does a record
 * written after a quiet spell, so a reader waiting for the first RECORD is not kept waiting.
 * Unless told otherwise (strip_nul_characters off), U+0000 is left out of every string written.
 */
public final class MessageWriter implements AutoCloseable {
    private static final int BUFFER_LIMIT = 64 * 1024;
    private static final long FLUSH_INTERVAL_MILLIS = 200;

    private static final ObjectWriter EXACT = Json.MAPPER.writer();
    private static final ObjectWriter WITHOUT_NUL = EXACT.with(NulStripping.INSTANCE);
    private static final byte[] RECORD_TYPE = ascii("{\"type\":\"RECORD\",\"stream\":");
    private static final byte[] RECORD_FIELD = ascii(",\"record\":");
    private static final byte[] TIME_EXTRACTED = ascii(",\"time_extracted\":");
    private static final byte[] END_OF_LINE = ascii("}\n");
    private static final byte[] NEWLINE = ascii("\n");

    private final OutputStream out;
    private final Clock clock;
    private final ObjectWriter serialiser;
    private final RecordEncoder encoder;
    /** Per stream, the start of its RECORD lines: {"type":"RECORD","stream":"name","record": */
    private final Map<String, byte[]> recordPrefixes = new ConcurrentHashMap<>();
    /** The end of the last RECORD line written: every record of a page has the same one. */
    private volatile Suffix lastSuffix = new Suffix(null, null, END_OF_LINE);
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
        this.encoder = new RecordEncoder(stripNul);
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

    /** How this writer encodes records: transform records with it on worker threads, then pass them here. */
    public RecordEncoder encoder() {
        return encoder;
    }

    public void record(String stream, JsonNode record, String timeExtracted, Long version) {
        record(stream, encoder.encode(record, List.of()), timeExtracted, version);
    }

    /**
     * Writes {"type":"RECORD","stream":...,"record":...,"version":...,"time_extracted":...}, the same bytes
     * as serialising that message whole, but framed around the record's JSON as encoded, without copying it
     * into a tree or serialising it again on this thread.
     */
    public void record(String stream, EncodedRecord record, String timeExtracted, Long version) {
        byte[] prefix = recordPrefixes.computeIfAbsent(stream, name ->
                concat(RECORD_TYPE, encoder.quoted(name), RECORD_FIELD));
        byte[] suffix = recordSuffix(timeExtracted, version);
        write(false, true, prefix, record.json(), suffix);
    }

    private byte[] recordSuffix(String timeExtracted, Long version) {
        Suffix last = lastSuffix;
        if (Objects.equals(last.timeExtracted, timeExtracted) && Objects.equals(last.version, version)) {
            return last.bytes;
        }
        byte[] bytes = newSuffix(timeExtracted, version);
        lastSuffix = new Suffix(timeExtracted, version, bytes);
        return bytes;
    }

    private byte[] newSuffix(String timeExtracted, Long version) {
        StringBuilder tail = new StringBuilder(64);
        if (version != null) {
            tail.append(",\"version\":").append(version.longValue());
        }
        byte[] extracted = timeExtracted == null ? new byte[0] : encoder.quoted(timeExtracted);
        byte[] head = tail.toString().getBytes(StandardCharsets.UTF_8);
        return timeExtracted == null ? concat(head, END_OF_LINE) : concat(head, TIME_EXTRACTED, extracted, END_OF_LINE);
    }

    public void state(JsonNode value) {
        ObjectNode message = Json.object().put("type", "STATE");
        message.set("value", value);
        write(message, true);
    }

    public void activateVersion(String stream, long version) {
        write(Json.object().put("type", "ACTIVATE_VERSION").put("stream", stream).put("version", version), true);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public synchronized long recordsWritten() {
        return records;
    }

    private void write(ObjectNode message, boolean flushNow) {
        byte[] json;
        try {
            json = serialiser.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialise a Singer message", e);
        }
        write(flushNow, false, json, NEWLINE);
    }

    /**
     * Writes one line made of {@code parts}, the last ending in its newline, whole or not at all.
     * @param record whether it is a RECORD, counted only when written: one refused after close() never reached the target
     * @return false when the writer was already closed and the message was dropped
     */
    private synchronized boolean write(boolean flushNow, boolean record, byte[]... parts) {
        if (closed) {
            return false;
        }
        try {
            append(parts);
            long now = clock.millis();
            if (flushNow || now - lastFlush >= FLUSH_INTERVAL_MILLIS) {
                flushBuffer();
                lastFlush = now;
            }
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
        if (record) {
            records++;
        }
        return true;
    }

    /**
     * The newline travels with its message: the buffer is flushed only between whole lines, and a line
     * larger than the buffer goes out at once, newline included (when its newline waited in the buffer,
     * stdout was left ending in a cut line).
     */
    private void append(byte[]... parts) throws IOException {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        if (buffered + length > buffer.length) {
            flushBuffer();
        }
        if (length > buffer.length) {
            out.write(concat(parts));
            return;
        }
        for (byte[] part : parts) {
            System.arraycopy(part, 0, buffer, buffered, part.length);
            buffered += part.length;
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
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

    private record Suffix(String timeExtracted, Long version, byte[] bytes) {}
}
