package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tapintercom.e2e.ChildStreamFixtures.T0;
import static io.tapintercom.e2e.ChildStreamFixtures.conversation;
import static io.tapintercom.e2e.ChildStreamFixtures.iso;
import static io.tapintercom.e2e.ChildStreamFixtures.json;
import static io.tapintercom.e2e.ChildStreamFixtures.labelled;
import static io.tapintercom.e2e.ChildStreamFixtures.partRecord;
import static io.tapintercom.e2e.ChildStreamFixtures.parts;
import static io.tapintercom.e2e.ChildStreamFixtures.withParts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * conversation_parts as a user runs it: every part of every conversation the search returns, joined
 * back to its conversation, written after the conversation and before the page's STATE; truncated
 * and deleted conversations; the stream selected alone; its bookmark; concurrent fetches in order.
 */
class ConversationPartsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    private static final Map<String, String> LABELS = Map.of("conversations", "id", "conversation_parts", "conversation_id");

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void writeConfig() {
        config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()));
    }

    /** Stubs GET /conversations/{id} for the conversation with these parts. */
    private ObjectNode stubParts(ObjectNode conversation, List<ObjectNode> parts, long totalCount) {
        ObjectNode full = withParts(conversation, parts, totalCount);
        intercom.stubFor(get(urlPathEqualTo("/conversations/" + conversation.path("id").asText()))
                .willReturn(okJson(full.toString())));
        return full;
    }

    @Test
    void everyPartOfEveryChangedConversationFollowsItsConversationAndPrecedesThePageState() {
        ObjectNode c1 = conversation("c1", T0);
        ObjectNode c2 = conversation("c2", T0 + 100);
        ObjectNode c3 = conversation("c3", T0 + 200);
        // Old parts too: a changed conversation's parts are all emitted, whatever their dates.
        List<ObjectNode> p1 = parts(101, 2, 1_600_000_000L);
        List<ObjectNode> p2 = parts(201, 3, T0 - 500);
        List<ObjectNode> p3 = parts(301, 1, T0 + 150);
        ChildStreamFixtures.stubConversationSearch(intercom, List.of(List.of(c1, c2), List.of(c3)));
        stubParts(c1, p1, 2);
        stubParts(c2, p2, 3);
        stubParts(c3, p3, 1);
        String catalog = ChildStreamFixtures.catalog(dir, config, "conversations", "conversation_parts");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("STATE", "SCHEMA:conversations", "SCHEMA:conversation_parts",
                "RECORD:conversations:c1", "RECORD:conversation_parts:c1", "RECORD:conversation_parts:c1",
                "RECORD:conversations:c2", "RECORD:conversation_parts:c2", "RECORD:conversation_parts:c2",
                "RECORD:conversation_parts:c2",
                "STATE",
                "RECORD:conversations:c3", "RECORD:conversation_parts:c3",
                "STATE", "STATE"), labelled(result, LABELS));

        JsonNode partSchema = ChildStreamFixtures.schemaOf(result, "conversation_parts");
        List<JsonNode> expected = new ArrayList<>();
        p1.forEach(p -> expected.add(partRecord(p, c1, 2, partSchema)));
        p2.forEach(p -> expected.add(partRecord(p, c2, 3, partSchema)));
        p3.forEach(p -> expected.add(partRecord(p, c3, 1, partSchema)));
        assertEquals(expected, result.records("conversation_parts").stream().map(ChildStreamFixtures::normal).toList());
        // One record in full, independently of the helper that builds the others.
        assertEquals(json("""
                {"type":"conversation_part","id":"101","part_type":"comment","body":"<p>part 101</p>",
                 "created_at":"2020-09-13T12:26:40.000000Z","updated_at":"2020-09-13T12:26:45.000000Z",
                 "notified_at":"2020-09-13T12:26:45.000000Z","assigned_to":{"type":"contact","id":"1a2b3c"},
                 "author":{"type":"admin","id":"274","name":"Operator","email":"operator+abcd1234@intercom.io",
                           "from_ai_agent":false,"is_ai_answer":false},
                 "attachments":[],"external_id":"abcd1234","redacted":false,"email_message_metadata":null,"state":"open",
                 "tags":[{"type":"tag","id":"123456","name":"Test tag"}],"event_details":null,"app_package_code":null,
                 "conversation_id":"c1","conversation_created_at":"2026-09-21T13:13:20.000000Z",
                 "conversation_updated_at":"2026-09-21T14:13:20.000000Z","conversation_total_parts":2}"""),
                result.records("conversation_parts").get(0));

        JsonNode schemaMessage = result.schema("conversation_parts");
        assertEquals("[\"id\"]", schemaMessage.path("key_properties").toString());
        assertEquals("[\"conversation_updated_at\"]", schemaMessage.path("bookmark_properties").toString());
        // The STATE after page one covers c2, whose parts were all written before it.
        List<JsonNode> states = result.ofType("STATE");
        // A first sync of conversations also starts their deletions (GET /conversations/deleted) at its own time.
        assertEquals(json("{\"currently_syncing\":\"conversations\",\"bookmarks\":{"
                        + "\"conversations\":{\"updated_at\":\"" + iso(T0 + 100) + "\",\"deleted_at\":\"2026-11-01T12:00:00.000000Z\"},"
                        + "\"conversation_parts\":{\"updated_at\":\"" + iso(T0 + 100) + "\"}}}"),
                states.get(1).get("value"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                        + "\"conversations\":{\"updated_at\":\"" + iso(T0 + 200) + "\",\"deleted_at\":\"2026-11-01T12:00:00.000000Z\"},"
                        + "\"conversation_parts\":{\"updated_at\":\"" + iso(T0 + 200) + "\"}}}"),
                result.lastState());
        intercom.verify(1, getRequestedFor(urlPathEqualTo("/conversations/c1")));
        intercom.verify(2, postRequestedFor(urlPathEqualTo("/conversations/search")));
    }

    @Test
    void aConversationWithMorePartsThanReturnedEmitsEveryReturnedPartAndWarnsNamingIt() {
        ObjectNode big = conversation("215472031246895", T0);
        ObjectNode small = conversation("c2", T0 + 10);
        List<ObjectNode> bigParts = parts(1_000, 600, T0 - 100_000);
        List<ObjectNode> smallParts = parts(5_000, 2, T0);
        ChildStreamFixtures.stubConversationSearch(intercom, List.of(List.of(big, small)));
        stubParts(big, bigParts, 700);
        stubParts(small, smallParts, 2);
        String catalog = ChildStreamFixtures.catalog(dir, config, "conversation_parts");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        List<JsonNode> records = result.records("conversation_parts");
        assertEquals(602, records.size());
        JsonNode schema = ChildStreamFixtures.schemaOf(result, "conversation_parts");
        for (int i = 0; i < 600; i++) {
            assertEquals(partRecord(bigParts.get(i), big, 700, schema), ChildStreamFixtures.normal(records.get(i)));
        }
        assertEquals(partRecord(smallParts.get(1), small, 2, schema), ChildStreamFixtures.normal(records.get(601)));
        assertTrue(result.stderr().contains(
                "WARNING conversation 215472031246895 has 700 parts but Intercom returns only the 600 most recent\n"),
                result.stderr());
        assertEquals(1, result.stderr().lines().filter(l -> l.startsWith("WARNING")).count(), result.stderr());
        assertTrue(result.stderr().contains("INFO METRIC: {\"type\":\"counter\",\"metric\":\"truncated_conversations\",\"value\":1,"
                + "\"tags\":{\"endpoint\":\"conversation_parts\"}}\n"), result.stderr());
        assertFalse(result.stderr().contains("conversation c2 has"), result.stderr());
    }

    @Test
    void aConversationDeletedBetweenTheSearchAndItsFetchIsSkippedWithAWarning() {
        ObjectNode c1 = conversation("c1", T0);
        ObjectNode gone = conversation("c2", T0 + 10);
        ObjectNode c3 = conversation("c3", T0 + 20);
        ChildStreamFixtures.stubConversationSearch(intercom, List.of(List.of(c1, gone, c3)));
        stubParts(c1, parts(11, 2, T0), 2);
        intercom.stubFor(get(urlPathEqualTo("/conversations/c2")).willReturn(ChildStreamFixtures.notFound()));
        stubParts(c3, parts(31, 1, T0), 1);
        String catalog = ChildStreamFixtures.catalog(dir, config, "conversations", "conversation_parts");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("STATE", "SCHEMA:conversations", "SCHEMA:conversation_parts",
                "RECORD:conversations:c1", "RECORD:conversation_parts:c1", "RECORD:conversation_parts:c1",
                "RECORD:conversations:c2",
                "RECORD:conversations:c3", "RECORD:conversation_parts:c3",
                "STATE", "STATE"), labelled(result, LABELS));
        assertEquals(List.of("11", "12", "31"), result.ids("conversation_parts"));
        List<String> warnings = result.stderr().lines().filter(l -> l.startsWith("WARNING")).toList();
        assertEquals(1, warnings.size(), result.stderr());
        assertTrue(warnings.get(0).startsWith("WARNING stream conversation_parts: conversations c2 no longer exists ("),
                warnings.get(0));
        assertTrue(warnings.get(0).endsWith("; skipped"), warnings.get(0));
        // A 404 is an answer, not a failure: asked once, not retried.
        intercom.verify(1, getRequestedFor(urlPathEqualTo("/conversations/c2")));
        assertEquals(iso(T0 + 20), result.lastState().path("bookmarks").path("conversation_parts").path("updated_at").asText());
    }

    @Test
    void partsSelectedWithoutConversationsReadTheSearchButEmitNoConversation() {
        ObjectNode c1 = conversation("c1", T0);
        ObjectNode c2 = conversation("c2", T0 + 30);
        ChildStreamFixtures.stubConversationSearch(intercom, List.of(List.of(c1), List.of(c2)));
        stubParts(c1, parts(1, 2, T0), 2);
        stubParts(c2, parts(3, 2, T0), 2);
        String catalog = ChildStreamFixtures.catalog(dir, config, "conversation_parts");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("STATE", "SCHEMA:conversation_parts",
                "RECORD:conversation_parts:c1", "RECORD:conversation_parts:c1", "STATE",
                "RECORD:conversation_parts:c2", "RECORD:conversation_parts:c2", "STATE", "STATE"), labelled(result, LABELS));
        assertEquals(List.of("1", "2", "3", "4"), result.ids("conversation_parts"));
        assertEquals(json("{\"currently_syncing\":\"conversation_parts\",\"bookmarks\":{}}"),
                result.ofType("STATE").get(0).get("value"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"conversation_parts\":{\"updated_at\":\"" + iso(T0 + 30) + "\"}}}"), result.lastState());
    }

    @Test
    void theNextSyncReadsFromThePartsBookmarkAndEmitsConversationsOnlyFromTheirOwn() {
        // conversations is further ahead than conversation_parts (it was synced alone once): the
        // search starts at the parts' bookmark; c1 is re-read for its parts only.
        ObjectNode c1 = conversation("c1", T0 + 1_000);
        ObjectNode c2 = conversation("c2", T0 + 3_000);
        ChildStreamFixtures.stubConversationSearch(intercom, List.of(List.of(c1, c2)));
        stubParts(c1, parts(1, 1, T0), 1);
        stubParts(c2, parts(2, 1, T0), 1);
        String catalog = ChildStreamFixtures.catalog(dir, config, "conversations", "conversation_parts");
        String noReplay = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()).put("attribution_window_days", 0));
        String state = E2E.write(dir, "state.json", json("{\"bookmarks\":{"
                + "\"conversations\":{\"updated_at\":\"" + iso(T0 + 2_000) + "\"},"
                + "\"conversation_parts\":{\"updated_at\":\"" + iso(T0 + 500) + "\"}}}"));

        TapRun.Result result = TapRun.tap().run("--config", noReplay, "--catalog", catalog, "--state", state);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("c2"), result.ids("conversations"));
        assertEquals(List.of("1", "2"), result.ids("conversation_parts"));
        List<LoggedRequest> searches = intercom.findAll(postRequestedFor(urlPathEqualTo("/conversations/search")));
        assertEquals(1, searches.size());
        JsonNode query = json(searches.get(0).getBodyAsString()).path("query");
        assertEquals(json("{\"operator\":\"AND\",\"value\":["
                + "{\"field\":\"updated_at\",\"operator\":\">\",\"value\":" + (T0 + 500 - 1) + "},"
                + "{\"field\":\"updated_at\",\"operator\":\"<\",\"value\":" + (TapRun.NOW.getEpochSecond() + 1) + "}]}"), query);
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"conversations\":{\"updated_at\":\"" + iso(T0 + 3_000) + "\"},"
                + "\"conversation_parts\":{\"updated_at\":\"" + iso(T0 + 3_000) + "\"}}}"), result.lastState());
    }

    @Test
    void partsFetchedConcurrentlyComeOutInConversationOrder() {
        // 20 conversations on two search pages, answered after uneven delays so that later requests
        // often finish first; with max_concurrency 4 the output must still follow the search.
        List<ObjectNode> conversations = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            ObjectNode c = conversation("c" + i, T0 + i);
            conversations.add(c);
            List<ObjectNode> ps = parts(i * 100L, 1 + i % 3, T0);
            ObjectNode full = withParts(c, ps, ps.size());
            int delay = ((i * 7) % 5) * 40;
            intercom.stubFor(get(urlPathEqualTo("/conversations/c" + i))
                    .willReturn(okJson(full.toString()).withFixedDelay(delay)));
            expected.add("RECORD:conversations:c" + i);
            for (ObjectNode p : ps) {
                expected.add("RECORD:conversation_parts:c" + i + ":" + p.path("id").asText());
            }
            if (i == 10) {
                expected.add("STATE");
            }
        }
        ChildStreamFixtures.stubConversationSearch(intercom, List.of(conversations.subList(0, 10), conversations.subList(10, 20)));
        String concurrent = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()).put("max_concurrency", 4));
        String catalog = ChildStreamFixtures.catalog(dir, concurrent, "conversations", "conversation_parts");

        TapRun.Result result = TapRun.tap().run("--config", concurrent, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        List<String> seen = new ArrayList<>();
        for (JsonNode m : result.messages()) {
            String type = m.path("type").asText();
            if (type.equals("RECORD") && m.path("stream").asText().equals("conversations")) {
                seen.add("RECORD:conversations:" + m.path("record").path("id").asText());
            } else if (type.equals("RECORD")) {
                seen.add("RECORD:conversation_parts:" + m.path("record").path("conversation_id").asText() + ":"
                        + m.path("record").path("id").asText());
            } else if (type.equals("STATE") && seen.size() > 0 && !seen.get(seen.size() - 1).equals("STATE")) {
                seen.add("STATE");
            }
        }
        expected.add("STATE");
        assertEquals(expected, seen);
        assertEquals(iso(T0 + 10), result.ofType("STATE").get(1).path("value").path("bookmarks")
                .path("conversation_parts").path("updated_at").asText());
        for (int i = 1; i <= 20; i++) {
            intercom.verify(1, getRequestedFor(urlPathEqualTo("/conversations/c" + i)));
        }
    }
}
