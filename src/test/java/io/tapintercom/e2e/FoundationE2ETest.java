package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.singer.Json;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The foundation as a user meets it: discover, select, sync the full-table streams, and fail clearly. */
class FoundationE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void stubIntercom() {
        config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()));
        intercom.stubFor(get(urlPathEqualTo("/admins")).willReturn(okJson(Fixtures.list("admin.list", "admins",
                List.of(Fixtures.load("admin"), Fixtures.object("admin", "991267466", 0))).toString())));
        intercom.stubFor(get(urlPathEqualTo("/teams")).willReturn(okJson(Fixtures.list("team.list", "teams",
                List.of(Fixtures.load("team"))).toString())));
        intercom.stubFor(get(urlPathEqualTo("/tags")).willReturn(okJson(Fixtures.list("list", "data",
                List.of(Fixtures.load("tag"), Fixtures.object("tag", "103", 0))).toString())));
        intercom.stubFor(get(urlPathEqualTo("/segments")).withQueryParam("include_count", equalTo("true"))
                .willReturn(okJson(Fixtures.list("segment.list", "segments", List.of(Fixtures.load("segment"))).toString())));
    }

    private String catalog(Set<String> streams) {
        TapRun.Result discovered = TapRun.tap().run("--config", config, "--discover");
        assertEquals(0, discovered.exit(), discovered.toString());
        return E2E.write(dir, "catalog.json", E2E.select(discovered.json(), streams));
    }

    @Test
    void discoveryPrintsOneCatalogWithStandardMetadata() {
        TapRun.Result result = TapRun.tap().run("--config", config, "--discover", "--state", "ignored.json");

        assertEquals(0, result.exit(), result.toString());
        JsonNode catalog = result.json();
        List<String> names = new ArrayList<>();
        catalog.path("streams").forEach(s -> names.add(s.path("stream").asText()));
        assertTrue(names.containsAll(List.of("admins", "teams", "tags", "segments", "contacts", "conversations")), names.toString());
        JsonNode contacts = stream(catalog, "contacts");
        JsonNode top = contacts.path("metadata").get(0);
        assertEquals("[]", top.path("breadcrumb").toString());
        assertEquals("INCREMENTAL", top.path("metadata").path("forced-replication-method").asText());
        assertEquals("[\"updated_at\"]", top.path("metadata").path("valid-replication-keys").toString());
        assertEquals("[\"id\"]", top.path("metadata").path("table-key-properties").toString());
        assertEquals("automatic", inclusion(contacts, "id"));
        assertEquals("automatic", inclusion(contacts, "updated_at"));
        assertEquals("available", inclusion(contacts, "email"));
        assertEquals("FULL_TABLE", stream(catalog, "admins").path("metadata").get(0).path("metadata")
                .path("forced-replication-method").asText());
    }

    @Test
    void syncOfTheFullTableStreamsEmitsExactlyTheExpectedMessages() {
        String catalog = catalog(Set.of("admins", "teams", "tags", "segments"));
        // One stream at a time, so that the whole output has one exact order.
        String sequential = E2E.write(dir, "sequential.json", E2E.oneStreamAtATime(E2E.config(intercom.baseUrl())));

        TapRun.Result result = TapRun.tap().run("--config", sequential, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        List<String> kinds = result.messages().stream()
                .map(m -> m.path("type").asText() + (m.has("stream") ? ":" + m.path("stream").asText() : "")).toList();
        assertEquals(List.of(
                "STATE", "SCHEMA:admins", "ACTIVATE_VERSION:admins", "RECORD:admins", "RECORD:admins", "ACTIVATE_VERSION:admins", "STATE",
                "STATE", "SCHEMA:teams", "ACTIVATE_VERSION:teams", "RECORD:teams", "ACTIVATE_VERSION:teams", "STATE",
                "STATE", "SCHEMA:tags", "ACTIVATE_VERSION:tags", "RECORD:tags", "RECORD:tags", "ACTIVATE_VERSION:tags", "STATE",
                "STATE", "SCHEMA:segments", "ACTIVATE_VERSION:segments", "RECORD:segments", "ACTIVATE_VERSION:segments", "STATE",
                "STATE"), kinds);
        long version = TapRun.NOW.toEpochMilli();
        assertEquals("{\"type\":\"RECORD\",\"stream\":\"segments\",\"record\":{\"type\":\"segment\",\"id\":\"6762f25c1bb69f9f2193bc22\","
                        + "\"name\":\"John segment\",\"created_at\":\"2024-12-18T16:03:40.000000Z\",\"updated_at\":\"2024-12-18T16:03:40.000000Z\","
                        + "\"person_type\":\"user\",\"count\":3},\"version\":" + version + ",\"time_extracted\":\"2026-11-01T12:00:00.000000Z\"}",
                result.stdout().lines().filter(l -> l.contains("\"RECORD\",\"stream\":\"segments\"")).findFirst().orElseThrow());
        assertEquals(Fixtures.load("admin"), result.records("admins").get(0));
        // Each full-table stream keeps the keys it wrote, to tell next time what was deleted.
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"admins\":{\"version\":" + version + ",\"seen_keys\":[\"1295\",\"991267466\"]},"
                + "\"teams\":{\"version\":" + version + ",\"seen_keys\":[\"814865\"]},"
                + "\"tags\":{\"version\":" + version + ",\"seen_keys\":[\"102\",\"103\"]},"
                + "\"segments\":{\"version\":" + version + ",\"seen_keys\":[\"6762f25c1bb69f9f2193bc22\"]}}}"),
                result.lastState());
        intercom.verify(getRequestedFor(urlPathEqualTo("/admins"))
                .withHeader("Authorization", equalTo("Bearer " + E2E.TOKEN))
                .withHeader("Intercom-Version", equalTo("2.14"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void aDeselectedFieldIsInNeitherTheSchemaNorTheRecords() {
        String catalog = E2E.write(dir, "catalog.json", E2E.deselectField(
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(readJson(catalog(Set.of("admins")))),
                "admins", "email"));

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        assertFalse(result.schema("admins").path("schema").path("properties").has("email"));
        assertTrue(result.schema("admins").path("schema").path("properties").has("name"));
        result.records("admins").forEach(r -> assertFalse(r.has("email"), r.toString()));
        assertTrue(result.records("admins").get(0).has("id"));
        assertTrue(result.records("teams").isEmpty());
        SchemaCheck.assertValid(result);
    }

    @Test
    void legacyPropertiesWithSelectionInsideTheSchemaAreHonoured() {
        TapRun.Result discovered = TapRun.tap().run("--config", config, "--discover");
        com.fasterxml.jackson.databind.node.ObjectNode legacy = discovered.json().deepCopy();
        for (JsonNode stream : legacy.path("streams")) {
            // The old form: no "selected" in metadata at all, but "selected": true inside the schema.
            stream.path("metadata").forEach(entry -> ((com.fasterxml.jackson.databind.node.ObjectNode) entry.get("metadata"))
                    .remove(List.of("selected", "selected-by-default")));
            if (stream.path("stream").asText().equals("teams")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) stream.get("schema")).put("selected", true);
            }
        }
        String properties = E2E.write(dir, "properties.json", legacy);

        TapRun.Result result = TapRun.tap().run("-c", config, "-p", properties);

        assertEquals(0, result.exit(), result.toString());
        assertEquals(List.of("814865"), result.ids("teams"));
        assertTrue(result.ofType("SCHEMA").stream().allMatch(m -> m.path("stream").asText().equals("teams")), result.stdout());
        SchemaCheck.assertValid(result);
    }

    @Test
    void aRejectedTokenFailsWithOneClearLineAndNeverPrintsTheToken() {
        intercom.stubFor(get(urlPathEqualTo("/admins")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error.list\",\"request_id\":\"b3a8e1f2\",\"errors\":[{\"code\":\"unauthorized\",\"message\":\"Access Token Invalid\"}]}")));
        String catalog = catalog(Set.of("admins"));

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog, "--log-level", "debug");

        assertEquals(1, result.exit(), result.toString());
        assertTrue(result.stderr().contains("CRITICAL the Intercom access token was rejected (401 unauthorized: Access Token Invalid)"),
                result.stderr());
        assertFalse(result.stderr().contains(E2E.TOKEN));
        assertFalse(result.stdout().contains(E2E.TOKEN));
        intercom.verify(1, getRequestedFor(urlPathEqualTo("/admins")));
    }

    @Test
    void badInputIsOneLineNamingTheProblemAndExitStatusTwo() {
        String badDate = E2E.write(dir, "bad.json", E2E.config(intercom.baseUrl()).put("start_date", "2024-13-01"));
        TapRun.Result dateResult = TapRun.tap().run("--config", badDate, "--discover");
        assertEquals(2, dateResult.exit());
        assertEquals("CRITICAL config: start_date \"2024-13-01\" is not a date (use RFC 3339, e.g. 2024-01-31T00:00:00Z, or YYYY-MM-DD)\n",
                dateResult.stderr());

        String badRegion = E2E.write(dir, "region.json", Json.object().put("access_token", E2E.TOKEN).put("region", "mars"));
        TapRun.Result regionResult = TapRun.tap().run("--config", badRegion, "--discover");
        assertEquals(2, regionResult.exit());
        assertEquals("CRITICAL config: region \"mars\" is not one of us, eu, au\n", regionResult.stderr());

        TapRun.Result missing = TapRun.tap().run("--config", dir.resolve("nope.json").toString(), "--discover");
        assertEquals(2, missing.exit());
        assertTrue(missing.stderr().startsWith("CRITICAL config file \"" + dir.resolve("nope.json") + "\" does not exist"), missing.stderr());

        String badCatalog = E2E.writeText(dir, "catalog.json", "{\"streams\": [");
        TapRun.Result catalogResult = TapRun.tap().run("--config", config, "--catalog", badCatalog);
        assertEquals(2, catalogResult.exit());
        assertTrue(catalogResult.stderr().startsWith("CRITICAL catalog file \"" + badCatalog + "\" is not valid JSON"),
                catalogResult.stderr());
        assertEquals(1, catalogResult.stderr().lines().count(), catalogResult.stderr());
        assertEquals("", catalogResult.stdout());
    }

    private static JsonNode stream(JsonNode catalog, String name) {
        for (JsonNode stream : catalog.path("streams")) {
            if (stream.path("stream").asText().equals(name)) {
                return stream;
            }
        }
        throw new AssertionError("no stream " + name);
    }

    private static String inclusion(JsonNode stream, String field) {
        for (JsonNode entry : stream.path("metadata")) {
            if (entry.path("breadcrumb").toString().equals("[\"properties\",\"" + field + "\"]")) {
                return entry.path("metadata").path("inclusion").asText();
            }
        }
        return null;
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(String path) {
        try {
            return Json.MAPPER.readTree(java.nio.file.Files.readString(Path.of(path)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
