package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tapintercom.e2e.ChildStreamFixtures.json;
import static io.tapintercom.e2e.IncrementalE2E.NOW;
import static io.tapintercom.e2e.IncrementalE2E.START;
import static io.tapintercom.e2e.IncrementalE2E.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.e2e.SearchStubs.Search;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * users and leads: the contact search with role = user / lead in the query, the contacts' schema and
 * calendar-day handling, each with its own bookmark.
 */
class UsersAndLeadsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;
    String config;
    String catalog;

    static final ObjectNode U1 = user("u1", "user", at("2026-03-10T08:00:00Z"));
    static final ObjectNode U2 = user("u2", "user", at("2026-10-20T09:00:00Z"));
    static final ObjectNode L1 = user("l1", "lead", at("2026-04-01T10:00:00Z"));
    static final ObjectNode L2 = user("l2", "lead", at("2026-10-31T23:00:00Z"));

    private static ObjectNode user(String id, String role, Instant updatedAt) {
        ObjectNode contact = ChildStreamFixtures.contact(id, updatedAt.getEpochSecond());
        contact.put("role", role);
        return contact;
    }

    @BeforeEach
    void files() {
        config = IncrementalE2E.config(dir, intercom.baseUrl());
        catalog = IncrementalE2E.catalog(dir, config, "users", "leads");
    }

    /** The contact search body for [from, now] with the role filter added after the date filter. */
    private static String body(String role, Instant from) {
        String plain = SearchStubs.body(Search.CONTACTS, from, NOW, 150, null);
        return plain.replace("]},\"sort\"", ",{\"field\":\"role\",\"operator\":\"=\",\"value\":\"" + role + "\"}]},\"sort\"");
    }

    private void stubRole(String role, Instant from, List<ObjectNode> contacts) {
        SearchStubs.stub(intercom, Search.CONTACTS, body(role, from),
                SearchStubs.page(Search.CONTACTS, contacts, 1, 1, contacts.size(), null));
    }

    @Test
    void usersAndLeadsAreSplitByRoleInTheQueryEachWithItsOwnBookmark() {
        stubRole("user", START, List.of(U1, U2));
        stubRole("lead", START, List.of(L1, L2));

        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, null);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals("{\"query\":{\"operator\":\"AND\",\"value\":[{\"field\":\"updated_at\",\"operator\":\">\",\"value\":1577750400},"
                + "{\"field\":\"role\",\"operator\":\"=\",\"value\":\"user\"}]},"
                + "\"sort\":{\"field\":\"updated_at\",\"order\":\"ascending\"},\"pagination\":{\"per_page\":150}}", body("user", START));
        // Users and leads are two streams, read in parallel: each search exactly once, in either order.
        verifyAskedOnce(body("user", START), body("lead", START));
        assertEquals(List.of("u1", "u2"), result.ids("users"));
        assertEquals(List.of("l1", "l2"), result.ids("leads"));
        result.records("users").forEach(r -> assertEquals("user", r.path("role").asText()));
        result.records("leads").forEach(r -> assertEquals("lead", r.path("role").asText()));
        assertEquals("[\"id\"]", result.schema("users").path("key_properties").toString());
        assertEquals("[\"updated_at\"]", result.schema("leads").path("bookmark_properties").toString());
        JsonNode discovered = TapRun.tap().run("--config", config, "--discover").json();
        assertEquals(streamSchema(discovered, "contacts"), result.schema("users").get("schema"));
        assertEquals(streamSchema(discovered, "contacts"), result.schema("leads").get("schema"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"users\":{\"updated_at\":\"2026-10-20T09:00:00.000000Z\"},"
                + "\"leads\":{\"updated_at\":\"2026-10-31T23:00:00.000000Z\"}}}"), result.lastState());
    }

    @Test
    void theNextSyncAsksEachRoleFromItsOwnBookmark() {
        String state = E2E.write(dir, "state.json", json("{\"bookmarks\":{"
                + "\"users\":{\"updated_at\":\"2026-10-20T09:00:00.000000Z\"},"
                + "\"leads\":{\"updated_at\":\"2026-10-31T23:00:00.000000Z\"}}}"));
        // Each bookmark less the 30-day window; the query asks from a day before that.
        Instant usersFrom = at("2026-09-20T09:00:00Z");
        Instant leadsFrom = at("2026-10-01T23:00:00Z");
        ObjectNode u3 = user("u3", "user", at("2026-10-25T00:00:00Z"));
        stubRole("user", usersFrom, List.of(U2, u3));
        stubRole("lead", leadsFrom, List.of(L2));

        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, state);

        assertEquals(0, result.exit(), result.toString());
        verifyAskedOnce(body("user", usersFrom), body("lead", leadsFrom));
        assertEquals(List.of("u2", "u3"), result.ids("users"));
        assertEquals(List.of("l2"), result.ids("leads"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"users\":{\"updated_at\":\"2026-10-25T00:00:00.000000Z\"},"
                + "\"leads\":{\"updated_at\":\"2026-10-31T23:00:00.000000Z\"}}}"), result.lastState());
    }

    private static void verifyAskedOnce(String... bodies) {
        for (String body : bodies) {
            intercom.verify(1, postRequestedFor(urlPathEqualTo("/contacts/search")).withRequestBody(equalToJson(body, false, false)));
        }
        intercom.verify(bodies.length, postRequestedFor(urlPathEqualTo("/contacts/search")));
    }

    private static JsonNode streamSchema(JsonNode catalog, String stream) {
        for (JsonNode entry : catalog.path("streams")) {
            if (entry.path("tap_stream_id").asText().equals(stream)) {
                return entry.get("schema");
            }
        }
        throw new AssertionError("no stream " + stream);
    }
}
