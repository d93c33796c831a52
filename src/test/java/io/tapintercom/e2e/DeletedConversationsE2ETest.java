package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tapintercom.e2e.ChildStreamFixtures.T0;
import static io.tapintercom.e2e.ChildStreamFixtures.conversation;
import static io.tapintercom.e2e.ChildStreamFixtures.json;
import static io.tapintercom.e2e.ChildStreamFixtures.kinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.singer.Json;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleted conversations: GET /conversations/deleted (Intercom-Version 2.16 whatever the configured
 * version), newest first, read until it reaches back past the last sync. Each deletion comes once as
 * a conversations RECORD with its id and _sdc_deleted_at; the deleted_conversations stream copies the
 * list itself. A workspace whose API refuses the endpoint gets one warning and the sync goes on.
 */
class DeletedConversationsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    private static final Instant SECOND = TapRun.NOW.plus(Duration.ofDays(1));
    private static final Instant THIRD = TapRun.NOW.plus(Duration.ofDays(2));
    private static final long NOW = TapRun.NOW.getEpochSecond();

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void setUp() {
        config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()));
        ChildStreamFixtures.stubConversationSearch(intercom, List.of(List.of(conversation("c1", T0))));
    }

    private static ObjectNode deleted(String id, long at, boolean retained) {
        return Json.object().put("type", "conversation").put("id", id).put("metrics_retained", retained).put("deleted_at", at);
    }

    /** Two pages, newest first, the first pointing to the second by a full URL as Intercom does. */
    private void stubDeleted(List<ObjectNode> first, List<ObjectNode> second) {
        ObjectNode page1 = Fixtures.list("conversations.list", "conversations", first).put("total_count", first.size() + second.size());
        page1.putObject("pages").put("type", "pages").put("page", 1).put("per_page", 60).put("total_pages", 2)
                .put("next", intercom.baseUrl() + "/conversations/deleted?per_page=60&order=desc&page=2");
        ObjectNode page2 = Fixtures.list("conversations.list", "conversations", second).put("total_count", first.size() + second.size());
        page2.putObject("pages").put("type", "pages").put("page", 2).put("per_page", 60).put("total_pages", 2).putNull("next");
        intercom.stubFor(get(urlPathEqualTo("/conversations/deleted")).withHeader("Intercom-Version", equalTo("2.16"))
                .withQueryParam("page", equalTo("1")).withQueryParam("order", equalTo("desc"))
                .willReturn(okJson(page1.toString())));
        intercom.stubFor(get(urlPathEqualTo("/conversations/deleted")).withHeader("Intercom-Version", equalTo("2.16"))
                .withQueryParam("page", equalTo("2")).willReturn(okJson(page2.toString())));
    }

    private TapRun.Result sync(Instant at, String catalog, JsonNode state) {
        List<String> args = new java.util.ArrayList<>(List.of("--config", config, "--catalog", catalog));
        if (state != null) {
            args.add("--state");
            args.add(E2E.write(dir, "state-" + at.toEpochMilli() + ".json", state));
        }
        TapRun.Result result = TapRun.tap().at(at).run(args.toArray(String[]::new));
        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        return result;
    }

    private static List<JsonNode> deletions(TapRun.Result result) {
        return result.records("conversations").stream().filter(r -> r.has("_sdc_deleted_at")).toList();
    }

    @Test
    void eachDeletionComesOnceAsAConversationsRecordAndTheBookmarkResumes() {
        String catalog = ChildStreamFixtures.catalog(dir, config, "conversations");
        stubDeleted(List.of(deleted("900", NOW - 3_600, false)), List.of(deleted("901", NOW - 86_400 * 9, true)));

        TapRun.Result first = sync(TapRun.NOW, catalog, null);

        assertEquals(List.of(), deletions(first), "nothing deleted before a first sync was ever copied");
        assertEquals("2026-11-01T12:00:00.000000Z", first.lastState().path("bookmarks").path("conversations").path("deleted_at").asText());
        intercom.verify(0, getRequestedFor(urlPathEqualTo("/conversations/deleted")));

        stubDeleted(List.of(deleted("903", NOW + 7_200, false), deleted("902", NOW + 3_600, true)),
                List.of(deleted("900", NOW - 3_600, false), deleted("901", NOW - 86_400 * 9, true)));
        TapRun.Result second = sync(SECOND, catalog, first.lastState());

        // c1 again (the attribution window), then the deletions, then the STATE holding the new deleted_at.
        assertEquals(List.of("STATE", "SCHEMA:conversations", "RECORD:conversations",
                "RECORD:conversations", "RECORD:conversations", "STATE", "STATE"), kinds(second));
        assertEquals(List.of(json("{\"id\":\"903\",\"_sdc_deleted_at\":\"2026-11-01T14:00:00.000000Z\"}"),
                json("{\"id\":\"902\",\"_sdc_deleted_at\":\"2026-11-01T13:00:00.000000Z\"}")), deletions(second));
        assertEquals("2026-11-02T12:00:00.000000Z", second.lastState().path("bookmarks").path("conversations").path("deleted_at").asText());
        // Page 2 reaches back before the bookmark: no page 3 would be asked for. Search stays on the configured version.
        intercom.verify(2, getRequestedFor(urlPathEqualTo("/conversations/deleted")).withHeader("Intercom-Version", equalTo("2.16")));
        intercom.verify(postRequestedFor(urlPathEqualTo("/conversations/search")).withHeader("Intercom-Version", equalTo("2.14")));

        intercom.resetRequests();
        TapRun.Result third = sync(THIRD, catalog, second.lastState());

        assertEquals(List.of(), deletions(third), "each deletion comes once");
        intercom.verify(1, getRequestedFor(urlPathEqualTo("/conversations/deleted")));
        assertEquals("2026-11-03T12:00:00.000000Z", third.lastState().path("bookmarks").path("conversations").path("deleted_at").asText());
    }

    @Test
    void theDeletedConversationsStreamCopiesTheListFromItsBookmark() {
        String catalog = ChildStreamFixtures.catalog(dir, config, "deleted_conversations");
        stubDeleted(List.of(deleted("903", NOW - 7_200, false), deleted("902", NOW - 86_400 * 3, true)),
                List.of(deleted("901", NOW - 86_400 * 40, true)));

        TapRun.Result first = sync(TapRun.NOW, catalog, null);

        assertEquals(List.of(
                json("{\"type\":\"conversation\",\"id\":\"903\",\"metrics_retained\":false,\"deleted_at\":\"2026-11-01T10:00:00.000000Z\"}"),
                json("{\"type\":\"conversation\",\"id\":\"902\",\"metrics_retained\":true,\"deleted_at\":\"2026-10-29T12:00:00.000000Z\"}"),
                json("{\"type\":\"conversation\",\"id\":\"901\",\"metrics_retained\":true,\"deleted_at\":\"2026-09-22T12:00:00.000000Z\"}")),
                first.records("deleted_conversations"));
        assertEquals("[\"deleted_at\"]", first.schema("deleted_conversations").path("bookmark_properties").toString());
        assertEquals("2026-11-01T10:00:00.000000Z",
                first.lastState().path("bookmarks").path("deleted_conversations").path("deleted_at").asText());

        intercom.resetRequests();
        TapRun.Result second = sync(SECOND, catalog, first.lastState());

        // From the bookmark less the 30-day attribution window: 901, deleted 40 days before, is not read again.
        assertEquals(List.of("903", "902"), second.ids("deleted_conversations"));
        intercom.verify(2, getRequestedFor(urlPathEqualTo("/conversations/deleted")));
    }

    @Test
    void aWorkspaceWhoseApiRefusesTheEndpointIsWarnedOnceAndTheSyncGoesOn() {
        String catalog = ChildStreamFixtures.catalog(dir, config, "conversations", "deleted_conversations");
        intercom.stubFor(get(urlPathEqualTo("/conversations/deleted")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"type\":\"error.list\",\"errors\":[{\"code\":"
                        + "\"intercom_version_invalid\",\"message\":\"Requested resource is not available in current API version.\"}]}")));
        JsonNode state = json("{\"bookmarks\":{\"conversations\":{\"updated_at\":\"2026-10-01T00:00:00.000000Z\","
                + "\"deleted_at\":\"2026-10-01T00:00:00.000000Z\"}}}");

        TapRun.Result result = sync(SECOND, catalog, state);

        assertEquals(List.of("c1"), result.ids("conversations"));
        assertTrue(result.records("deleted_conversations").isEmpty());
        List<String> warnings = result.stderr().lines().filter(l -> l.contains("/conversations/deleted")).toList();
        assertEquals(1, warnings.size(), result.stderr());
        assertTrue(warnings.get(0).startsWith("WARNING GET /conversations/deleted is not available to this workspace"), warnings.get(0));
        // Groups run in parallel: each of the two readers may ask before the other's refusal, never again after.
        int asked = intercom.findAll(getRequestedFor(urlPathEqualTo("/conversations/deleted"))).size();
        assertTrue(asked >= 1 && asked <= 2, "asked " + asked + " times");
    }
}
