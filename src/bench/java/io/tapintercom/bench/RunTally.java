package io.tapintercom.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a benchmarked run did, read from the tap's own output: RECORDs per stream (and when each
 * stream's first and last arrived) from stdout, and requests, 429s and failed attempts per endpoint
 * from the Singer METRIC lines on stderr. Nothing is kept but the counts.
 */
final class RunTally {
    private static final byte[] RECORD_PREFIX = "{\"type\":\"RECORD\",\"stream\":\"".getBytes(StandardCharsets.UTF_8);
    private static final String METRIC = "INFO METRIC: ";

    final Map<String, StreamCount> streams = new TreeMap<>();
    final Map<String, EndpointCount> endpoints = new TreeMap<>();
    /** Requests answered per 10-second window of the epoch, the windows Intercom (and the fake) count in. */
    final Map<Long, Long> requestsByWindow = new TreeMap<>();
    long bytes;
    long lastRecordNanos;

    OutputStream stdout() {
        return new LineHeads() {
            @Override
            void line(byte[] buffer, int length) {
                if (!LineSink.startsWith(buffer, length, RECORD_PREFIX)) {
                    return;
                }
                int end = RECORD_PREFIX.length;
                while (end < length && buffer[end] != '"') {
                    end++;
                }
                String stream = new String(buffer, RECORD_PREFIX.length, end - RECORD_PREFIX.length, StandardCharsets.UTF_8);
                long now = System.nanoTime();
                streams.computeIfAbsent(stream, s -> new StreamCount(now)).add(now);
                lastRecordNanos = now;
            }
        };
    }

    OutputStream stderr(boolean echoWarnings) {
        return new LineSink() {
            @Override
            void line(byte[] buffer, int length) {
                String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
                if (text.startsWith(METRIC)) {
                    metric(text.substring(METRIC.length()));
                } else if (echoWarnings && (text.startsWith("WARNING") || text.startsWith("CRITICAL") || text.startsWith("ERROR"))) {
                    System.err.println("  tap: " + text);
                }
            }
        };
    }

    /**
     * One METRIC line, read by scanning its text for the three tags counted: a JSON tree per request cost the
     * benchmark some 2 s of CPU in a sync of 146,000 requests, charged to the tap it measures.
     */
    private synchronized void metric(String json) {
        if (!"http_request_duration".equals(stringField(json, "metric"))) {
            return;
        }
        String endpoint = stringField(json, "endpoint");
        EndpointCount count = endpoints.computeIfAbsent(endpoint == null ? "" : endpoint, e -> new EndpointCount());
        count.requests++;
        requestsByWindow.merge(System.currentTimeMillis() / 10_000, 1L, Long::sum);
        if (numberField(json, "http_status_code") == 429) {
            count.rateLimited++;
        } else if (!"succeeded".equals(stringField(json, "status"))) {
            count.failed++;
        }
    }

    /** The string value of the first {@code "name":"..."} in a line (names the tap writes hold no escapes). */
    static String stringField(String json, String name) {
        String opening = "\"" + name + "\":\"";
        int start = json.indexOf(opening);
        if (start < 0) {
            return null;
        }
        start += opening.length();
        int end = start;
        while (end < json.length() && json.charAt(end) != '"') {
            end += json.charAt(end) == '\\' ? 2 : 1;
        }
        return json.substring(start, Math.min(end, json.length()));
    }

    /** The whole-number value of the first {@code "name":N} in a line, or -1. */
    static long numberField(String json, String name) {
        String opening = "\"" + name + "\":";
        int start = json.indexOf(opening);
        if (start < 0) {
            return -1;
        }
        long value = 0;
        int digits = 0;
        for (int i = start + opening.length(); i < json.length() && Character.isDigit(json.charAt(i)); i++, digits++) {
            value = value * 10 + (json.charAt(i) - '0');
        }
        return digits == 0 ? -1 : value;
    }

    /** Requests per window over the windows the run fully spanned (its first and last are partial). */
    java.util.LongSummaryStatistics fullWindows() {
        java.util.List<Long> counts = new java.util.ArrayList<>(requestsByWindow.values());
        return counts.size() <= 2 ? new java.util.LongSummaryStatistics()
                : counts.subList(1, counts.size() - 1).stream().mapToLong(Long::longValue).summaryStatistics();
    }

    long totalRequests() {
        return endpoints.values().stream().mapToLong(e -> e.requests).sum();
    }

    long total429() {
        return endpoints.values().stream().mapToLong(e -> e.rateLimited).sum();
    }

    long totalFailed() {
        return endpoints.values().stream().mapToLong(e -> e.failed).sum();
    }

    long totalRecords() {
        return streams.values().stream().mapToLong(s -> s.records).sum();
    }

    static final class StreamCount {
        final long firstNanos;
        long lastNanos;
        long records;

        StreamCount(long firstNanos) {
            this.firstNanos = firstNanos;
        }

        void add(long now) {
            records++;
            lastNanos = now;
        }
    }

    static final class EndpointCount {
        long requests;
        long rateLimited;
        long failed;
    }

    /**
     * stdout cut into lines of which only the start is kept (the stream's name is in it): the tap's output is
     * gigabytes, and the benchmark must cost next to nothing beside the tap it measures.
     */
    private abstract class LineHeads extends OutputStream {
        private static final int HEAD = 256;
        private final byte[] head = new byte[HEAD];
        private int kept;

        abstract void line(byte[] head, int length);

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            RunTally.this.bytes += length;
            int end = offset + length;
            int i = offset;
            while (i < end) {
                int newline = nextNewline(bytes, i, end);
                int take = Math.min(newline - i, HEAD - kept);
                if (take > 0) {
                    System.arraycopy(bytes, i, head, kept, take);
                    kept += take;
                }
                if (newline == end) {
                    return;
                }
                line(head, kept);
                kept = 0;
                i = newline + 1;
            }
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = '\n' * ONES;

    /**
     * The index of the first newline in {@code bytes[from, end)}, or {@code end}: eight bytes at a time, as the
     * output of a sync is some 1.6 GB and this scan runs on the tap's writing thread, charged to the tap.
     */
    static int nextNewline(byte[] bytes, int from, int end) {
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ NEWLINES; // a zero byte where there was a newline
            long found = (x - ONES) & ~x & HIGHS; // the lowest flagged byte is the first zero (higher ones may be false)
            if (found != 0) {
                return i + Long.numberOfTrailingZeros(found) / Byte.SIZE;
            }
        }
        while (i < end && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    /** An OutputStream cut into lines, each handed over without building strings for the ones not wanted. */
    private abstract static class LineSink extends OutputStream {
        private final ByteArrayOutputStream current = new ByteArrayOutputStream(4096);

        abstract void line(byte[] buffer, int length);

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                line(current.toByteArray(), current.size());
                current.reset();
            } else {
                current.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    current.write(bytes, start, i - start);
                    line(current.toByteArray(), current.size());
                    current.reset();
                    start = i + 1;
                }
            }
            current.write(bytes, start, offset + length - start);
        }

        static boolean startsWith(byte[] buffer, int length, byte[] prefix) {
            if (length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (buffer[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
