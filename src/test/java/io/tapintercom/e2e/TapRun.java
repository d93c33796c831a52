package io.tapintercom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.cli.TapEnvironment;
import io.tapintercom.cli.TapIntercom;
import io.tapintercom.intercom.Sleeper;
import io.tapintercom.intercom.http.JdkTransport;
import io.tapintercom.singer.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs the tap's CLI in-process the way a user runs it (same argument parsing, same dispatch, same
 * exit codes), against a local fake Intercom, with stdout and stderr captured, a fixed clock and a
 * sleeper that records waits instead of waiting.
 */
public final class TapRun {
    public static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Map<String, String> variables = new HashMap<>();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private Sleeper sleeper = sleeps::add;
    private int stopAfterStates = -1;

    public static TapRun tap() {
        return new TapRun();
    }

    public TapRun at(Instant now) {
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
        return this;
    }

    public TapRun withClock(Clock newClock) {
        this.clock = newClock;
        return this;
    }

    public TapRun env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** Waits by another sleeper, e.g. one that moves a fake's clock forward; waits are still recorded. */
    public TapRun withSleeper(Sleeper other) {
        this.sleeper = duration -> {
            sleeps.add(duration);
            other.sleep(duration);
        };
        return this;
    }

    /** Simulates the process being killed just after its N-th STATE message reached stdout. */
    public TapRun killedAfterStates(int states) {
        this.stopAfterStates = states;
        return this;
    }

    public List<Duration> sleeps() {
        return sleeps;
    }

    public Result run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CutOffStream out = new CutOffStream(stopAfterStates);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        TapEnvironment env = new TapEnvironment(out, stderr, Map.copyOf(variables), clock, sleeper,
                config -> JdkTransport.create(Duration.ofSeconds(5)));
        int exit = new TapIntercom(env).run(args);
        return new Result(exit, out.text(), err.toString(StandardCharsets.UTF_8));
    }

    /** What one run printed, and its exit status. */
    public record Result(int exit, String stdout, String stderr) {
        public List<JsonNode> messages() {
            List<JsonNode> messages = new ArrayList<>();
            for (String line : stdout.split("\n")) {
                if (!line.isEmpty()) {
                    try {
                        messages.add(Json.MAPPER.readTree(line));
                    } catch (IOException e) {
                        throw new UncheckedIOException("stdout has a line that is not JSON: " + line, e);
                    }
                }
            }
            return messages;
        }

        public List<JsonNode> ofType(String type) {
            return messages().stream().filter(m -> m.path("type").asText().equals(type)).toList();
        }

        public List<JsonNode> records(String stream) {
            return ofType("RECORD").stream().filter(m -> m.path("stream").asText().equals(stream))
                    .map(m -> m.get("record")).toList();
        }

        public List<String> ids(String stream) {
            return records(stream).stream().map(r -> r.path("id").asText()).toList();
        }

        public JsonNode schema(String stream) {
            return ofType("SCHEMA").stream().filter(m -> m.path("stream").asText().equals(stream)).findFirst()
                    .orElseThrow(() -> new AssertionError("no SCHEMA for " + stream + "\n" + stderr));
        }

        public JsonNode lastState() {
            List<JsonNode> states = ofType("STATE");
            if (states.isEmpty()) {
                throw new AssertionError("no STATE message\n" + stderr);
            }
            return states.get(states.size() - 1).get("value");
        }

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(stdout);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stderr ---\n" + stderr;
        }
    }

    /**
     * stdout that accepts messages until the N-th STATE line has been written, then fails every write
     * after it, as a killed process would stop writing.
     */
    static final class CutOffStream extends OutputStream {
        private static final byte[] STATE = "{\"type\":\"STATE\"".getBytes(StandardCharsets.UTF_8);
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int stopAfterStates;
        private int states;
        /** How many bytes of the current line so far match the start of a STATE message; -1 once one does not. */
        private int stateMatched;
        private boolean cut;

        CutOffStream(int stopAfterStates) {
            this.stopAfterStates = stopAfterStates;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            if (cut) {
                throw new IOException("killed");
            }
            for (int i = offset; i < offset + length; i++) {
                kept.write(bytes[i]);
                if (bytes[i] != '\n') {
                    // Matched as the bytes go by: copying everything kept at each newline made long runs quadratic.
                    if (stateMatched >= 0 && stateMatched < STATE.length) {
                        stateMatched = bytes[i] == STATE[stateMatched] ? stateMatched + 1 : -1;
                    }
                    continue;
                }
                boolean state = stateMatched == STATE.length;
                stateMatched = 0;
                if (stopAfterStates > 0 && state && ++states >= stopAfterStates) {
                    cut = true;
                    throw new IOException("killed");
                }
            }
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
