package io.tapintercom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.cli.TapEnvironment;
import io.tapintercom.cli.TapIntercom;
import io.tapintercom.intercom.Sleeper;
import io.tapintercom.intercom.http.JdkTransport;
import io.tapintercom.singer.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the tap's real CLI in this JVM against a fake, counting what comes out instead of keeping it. */
final class BenchTap {
    private final String baseUrl;
    private final String token;
    private final Path dir;

    BenchTap(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
        try {
            this.dir = Files.createTempDirectory("tap-intercom-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode config(int concurrency) {
        return defaults().put("max_concurrency", concurrency);
    }

    /** The settings a user gives: where, who, since when; everything else at its default. */
    ObjectNode defaults() {
        return Json.object().put("access_token", token).put("base_url", baseUrl).put("start_date", "2000-01-01T00:00:00Z")
                .put("type_custom_attributes", false);
    }

    /** The arguments of a sync of the given streams (the default selection when empty), for the tap run as a process. */
    List<String> syncArgs(ObjectNode config, Set<String> streams) {
        String configFile = write("config.json", config);
        return List.of("--config", configFile, "--catalog", write("catalog.json", select(discover(configFile), streams)));
    }

    /** A sync of the given streams (the default selection when empty); returns what came out, and how long it took. */
    Result sync(ObjectNode config, Set<String> streams) {
        String configFile = write("config.json", config);
        String catalog = write("catalog.json", select(discover(configFile), streams));
        RunTally tally = new RunTally();
        long started = System.nanoTime();
        int exit = run(tally, "--config", configFile, "--catalog", catalog);
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        if (exit != 0) {
            throw new IllegalStateException("the tap failed (exit " + exit + ")");
        }
        return new Result(tally, wall);
    }

    private JsonNode discover(String configFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TapEnvironment env = environment(out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        if (new TapIntercom(env).run(new String[] {"--config", configFile, "--discover"}) != 0) {
            throw new IllegalStateException("discovery failed");
        }
        try {
            return Json.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int run(RunTally tally, String... args) {
        PrintStream stderr = new PrintStream(tally.stderr(true), true, StandardCharsets.UTF_8);
        return new TapIntercom(environment(tally.stdout(), stderr)).run(args);
    }

    private static TapEnvironment environment(java.io.OutputStream out, PrintStream err) {
        return new TapEnvironment(out, err, Map.of(), Clock.systemUTC(), Sleeper.REAL,
                config -> JdkTransport.create(Duration.ofSeconds(10)));
    }

    /** Selects the given streams; with none given, the catalog's defaults stand (selected-by-default). */
    private static JsonNode select(JsonNode catalog, Set<String> streams) {
        if (streams.isEmpty()) {
            return catalog;
        }
        for (JsonNode stream : catalog.path("streams")) {
            boolean selected = streams.isEmpty() || streams.contains(stream.path("stream").asText());
            ((ObjectNode) stream.path("metadata").get(0).get("metadata")).put("selected", selected);
        }
        return catalog;
    }

    private String write(String name, JsonNode json) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, json.toString());
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(RunTally tally, Duration wall) {
        double seconds() {
            return wall.toNanos() / 1e9;
        }

        double requestsPerSecond() {
            return tally.totalRequests() / seconds();
        }
    }
}
