package io.tapintercom.suites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.e2e.E2E;
import io.tapintercom.e2e.TapRun;
import io.tapintercom.fake.FakeIntercom;
import io.tapintercom.fake.MutableClock;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.singer.Json;
import io.tapintercom.streams.StreamDefinition;
import io.tapintercom.streams.Streams;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Runs the tap against a fake workspace on a shared virtual clock: the tap's waits move the clock the
 * fake's rate-limit windows and scroll expiry run on, so the suites spend no real time waiting.
 */
final class FakeWorkspaceRun {
    /** The tap's streams whose records the fake cannot name, and why; every other stream of Streams is checked. */
    static final Map<String, String> UNCHECKED = Map.of(
            "contact_attributes", "the fake's data attributes are a fixed catalogue, not part of the workspace",
            "company_attributes", "the fake's data attributes are a fixed catalogue, not part of the workspace",
            "conversation_attributes", "the fake's data attributes are a fixed catalogue, not part of the workspace",
            "help_center_collections", "keyed by the fake's collection index, not by a stream of the workspace",
            "subscription_types", "a fixed catalogue of three",
            "ticket_types", "a fixed catalogue",
            "deleted_conversations", "a feed of deletions, empty unless a test deletes conversations");

    /**
     * The streams whose every record the fake can name, with the field holding its timestamp (the stream's
     * replication key; empty when it has none, and then only the keys are compared): derived from {@link Streams}.
     */
    static final Map<String, String> CHECKED = checked();

    private static Map<String, String> checked() {
        Map<String, String> checked = new TreeMap<>();
        for (StreamDefinition stream : Streams.intercom(150, false).all()) {
            if (!UNCHECKED.containsKey(stream.name())) {
                checked.put(stream.name(), stream.replicationKeys().isEmpty() ? "" : stream.replicationKeys().get(0));
            }
        }
        return checked;
    }

    final FakeIntercom fake;
    final MutableClock clock;
    final Path dir;
    final String config;
    final String catalog;

    FakeWorkspaceRun(FakeIntercom fake, MutableClock clock, Path dir, Set<String> streams) {
        this(fake, clock, dir, streams, settings -> settings);
    }

    /** @param change changes to the suite's config, e.g. a small search page so that searches are read in slices */
    FakeWorkspaceRun(FakeIntercom fake, MutableClock clock, Path dir, Set<String> streams, UnaryOperator<ObjectNode> change) {
        this.fake = fake;
        this.clock = clock;
        this.dir = dir;
        ObjectNode settings = change.apply(Json.object().put("access_token", fake.options().accessToken()).put("base_url", fake.baseUrl())
                .put("start_date", "2000-01-01T00:00:00Z").put("max_retries", 12).put("validate_records", true));
        this.config = E2E.write(dir, "config.json", settings);
        TapRun.Result discovered = tap().run("--config", config, "--discover");
        if (discovered.exit() != 0) {
            throw new AssertionError(discovered.toString());
        }
        this.catalog = E2E.write(dir, "catalog.json", E2E.select(discovered.json(), streams));
    }

    TapRun tap() {
        return TapRun.tap().withClock(clock).withSleeper(clock::advance);
    }

    TapRun.Result sync(JsonNode state) {
        if (state == null) {
            return tap().run("--config", config, "--catalog", catalog);
        }
        return tap().run("--config", config, "--catalog", catalog, "--state", E2E.write(dir, "state.json", state));
    }

    /**
     * Adds a run's records to {@code seen}: stream → key → timestamp (epoch seconds; 0 when the stream has none),
     * the key being the values of the stream's key properties (from its SCHEMA message) joined with '/'.
     */
    static void collect(TapRun.Result result, Map<String, Map<String, Long>> seen) {
        Map<String, List<String>> keys = new HashMap<>();
        for (JsonNode schema : result.ofType("SCHEMA")) {
            List<String> names = new java.util.ArrayList<>();
            schema.path("key_properties").forEach(k -> names.add(k.asText()));
            keys.put(schema.path("stream").asText(), names);
        }
        for (JsonNode message : result.ofType("RECORD")) {
            String stream = message.path("stream").asText();
            String field = CHECKED.get(stream);
            if (field == null) {
                continue;
            }
            JsonNode record = message.get("record");
            long timestamp = field.isEmpty() ? 0 : DateTimes.parse(record.path(field).asText())
                    .map(Instant::getEpochSecond).orElse(-1L);
            StringBuilder key = new StringBuilder();
            for (String name : keys.get(stream)) {
                key.append(key.length() == 0 ? "" : "/").append(record.path(name).asText());
            }
            seen.computeIfAbsent(stream, s -> new TreeMap<>()).put(key.toString(), timestamp);
        }
    }

    /**
     * Every checked stream's truth from the fake, in the same shape, less what Intercom's API cannot
     * give: parts of a conversation beyond its 500 most recent (the tap warns about those; the fake's
     * part-level link tables already leave them out).
     */
    Map<String, Map<String, Long>> truth() {
        Map<String, Map<String, Long>> truth = new HashMap<>();
        for (Map.Entry<String, String> stream : CHECKED.entrySet()) {
            Map<String, Long> expected = new TreeMap<>(fake.workspace().expected(stream.getKey()));
            if (stream.getValue().isEmpty()) {
                expected.replaceAll((key, timestamp) -> 0L);
            }
            truth.put(stream.getKey(), expected);
        }
        truth.get("conversation_parts").keySet().removeAll(unreachableParts());
        return truth;
    }

    /** The oldest parts of the conversation with more than 500: part ids grow with age order. */
    List<String> unreachableParts() {
        String large = fake.workspace().largeConversationId();
        int hidden = fake.workspace().partCount(large) - 500;
        return fake.workspace().expected("conversation_parts").keySet().stream()
                .filter(id -> id.startsWith(large) && id.length() == large.length() + 3)
                .sorted().limit(Math.max(0, hidden)).toList();
    }

    static List<String> streamsChecked() {
        return List.copyOf(new java.util.TreeSet<>(CHECKED.keySet()));
    }
}
