package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tapintercom.e2e.ChildStreamFixtures.T0;
import static io.tapintercom.e2e.ChildStreamFixtures.contact;
import static io.tapintercom.e2e.ChildStreamFixtures.dataList;
import static io.tapintercom.e2e.ChildStreamFixtures.iso;
import static io.tapintercom.e2e.ChildStreamFixtures.json;
import static io.tapintercom.e2e.ChildStreamFixtures.labelled;
import static io.tapintercom.e2e.ChildStreamFixtures.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.singer.Json;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The children that cost one request per changed contact (contact_segments, contact_subscriptions,
 * contact_event_summaries), as a user who selects them runs them: each changed contact asked exactly
 * once per stream, leads never asked for events, a contact deleted since the search (404) skipped with
 * a warning; and none of them read unless selected.
 */
class ContactRequestsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    private static final Map<String, String> LABELS = Map.of("contact_segments", "contact_id",
            "contact_subscriptions", "contact_id", "contact_event_summaries", "contact_id");
    private static final List<String> PER_CONTACT = List.of("contact_segments", "contact_subscriptions",
            "contact_event_summaries");

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void writeConfig() {
        config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()));
    }

    private static ObjectNode withRole(ObjectNode contact, String role) {
        return contact.put("role", role);
    }

    private static ObjectNode subscription(String id, String consentType) {
        ObjectNode type = Fixtures.object("subscription_type", id, 0);
        type.put("consent_type", consentType);
        return type;
    }

    private void stubEvents(String contactId, String body) {
        intercom.stubFor(get(urlPathEqualTo("/events")).withQueryParam("type", equalTo("user"))
                .withQueryParam("intercom_user_id", equalTo(contactId)).withQueryParam("summary", equalTo("true"))
                .willReturn(okJson(body)));
    }

    @Test
    void eachChangedContactIsAskedOnceLeadsHaveNoEventSummaryAndADeletedContactIsSkipped() {
        ObjectNode k1 = withRole(contact("k1", T0), "user");
        ObjectNode gone = withRole(contact("gone", T0 + 1), "user");
        ObjectNode k3 = withRole(contact("k3", T0 + 2), "lead");
        ChildStreamFixtures.stubContactSearch(intercom, List.of(List.of(k1, gone, k3)));
        intercom.stubFor(get(urlPathEqualTo("/contacts/k1/segments"))
                .willReturn(okJson(dataList(List.of(segment("s1", "Active"), segment("s2", "Paying"))))));
        intercom.stubFor(get(urlPathEqualTo("/contacts/k3/segments")).willReturn(okJson(dataList(List.of(segment("s1", "Active"))))));
        intercom.stubFor(get(urlPathEqualTo("/contacts/k1/subscriptions"))
                .willReturn(okJson(dataList(List.of(subscription("91", "opt_out"), subscription("93", "opt_in"))))));
        intercom.stubFor(get(urlPathEqualTo("/contacts/k3/subscriptions")).willReturn(okJson(dataList(List.of()))));
        ObjectNode summary = Json.object().put("type", "event.summary").put("email", "k1@example.com")
                .put("intercom_user_id", "k1").put("user_id", "u-1");
        summary.putArray("events")
                .add(Json.object().put("name", "placed-order").put("first", "2026-01-16T23:12:21.000+00:00")
                        .put("last", "2026-09-01T10:00:00.000+02:00").put("count", 7).put("description", "An order"))
                .add(Json.object().put("name", "signed-up").put("first", "2025-12-01T00:00:00.000+00:00")
                        .put("last", "2025-12-01T00:00:00.000+00:00").put("count", 1).putNull("description"));
        stubEvents("k1", summary.toString());
        for (String path : List.of("/contacts/gone/segments", "/contacts/gone/subscriptions")) {
            intercom.stubFor(get(urlPathEqualTo(path)).willReturn(ChildStreamFixtures.notFound()));
        }
        intercom.stubFor(get(urlPathEqualTo("/events")).withQueryParam("intercom_user_id", equalTo("gone"))
                .willReturn(ChildStreamFixtures.notFound()));
        String catalog = ChildStreamFixtures.catalog(dir, config, PER_CONTACT.toArray(String[]::new));

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        for (String id : List.of("k1", "gone", "k3")) {
            intercom.verify(1, getRequestedFor(urlPathEqualTo("/contacts/" + id + "/segments")));
            intercom.verify(1, getRequestedFor(urlPathEqualTo("/contacts/" + id + "/subscriptions")));
        }
        intercom.verify(1, getRequestedFor(urlPathEqualTo("/events")).withQueryParam("intercom_user_id", equalTo("k1")));
        intercom.verify(1, getRequestedFor(urlPathEqualTo("/events")).withQueryParam("intercom_user_id", equalTo("gone")));
        intercom.verify(2, getRequestedFor(urlPathEqualTo("/events")));
        intercom.verify(0, getRequestedFor(urlPathEqualTo("/contacts/k1")));
        assertEquals(List.of("STATE", "SCHEMA:contact_segments", "SCHEMA:contact_subscriptions", "SCHEMA:contact_event_summaries",
                "RECORD:contact_segments:k1", "RECORD:contact_segments:k1",
                "RECORD:contact_subscriptions:k1", "RECORD:contact_subscriptions:k1",
                "RECORD:contact_event_summaries:k1", "RECORD:contact_event_summaries:k1",
                "RECORD:contact_segments:k3",
                "STATE", "STATE"), labelled(result, LABELS));
        assertEquals(List.of("s1", "s2", "s1"), result.ids("contact_segments"));
        assertEquals(iso(T0), result.records("contact_segments").get(0).path("contact_updated_at").asText());
        assertEquals(List.of("opted_out", "opted_in"), result.records("contact_subscriptions").stream()
                .map(r -> r.path("consent_state").asText()).toList());
        assertEquals(List.of("91", "93"), result.records("contact_subscriptions").stream().map(r -> r.path("id").asText()).toList());
        assertEquals(json("{\"contact_id\":\"k1\",\"name\":\"placed-order\",\"first\":\"2026-01-16T23:12:21.000000Z\","
                + "\"last\":\"2026-09-01T08:00:00.000000Z\",\"count\":7,\"description\":\"An order\","
                + "\"contact_updated_at\":\"" + iso(T0) + "\"}"), result.records("contact_event_summaries").get(0));
        assertEquals("[\"contact_id\",\"name\"]", result.schema("contact_event_summaries").path("key_properties").toString());
        assertEquals("[\"contact_id\",\"id\"]", result.schema("contact_subscriptions").path("key_properties").toString());
        List<String> warnings = result.stderr().lines().filter(l -> l.startsWith("WARNING")).toList();
        assertEquals(List.of(
                "WARNING stream contact_segments: contacts gone no longer exists (GET /contacts/gone/segments failed: 404 not_found: Resource Not Found); skipped",
                "WARNING stream contact_subscriptions: contacts gone no longer exists (GET /contacts/gone/subscriptions failed: 404 not_found: Resource Not Found); skipped",
                "WARNING stream contact_event_summaries: contacts gone no longer exists (GET /events failed: 404 not_found: Resource Not Found); skipped"),
                warnings);
        for (String stream : PER_CONTACT) {
            assertEquals(iso(T0 + 2), result.lastState().path("bookmarks").path(stream).path("updated_at").asText(), stream);
        }
    }

    @Test
    void theCatalogLeavesThemUnselectedByDefault() {
        JsonNode discovered = TapRun.tap().run("--config", config, "--discover").json();
        for (JsonNode entry : discovered.path("streams")) {
            String stream = entry.path("tap_stream_id").asText();
            boolean byDefault = entry.path("metadata").get(0).path("metadata").path("selected-by-default").asBoolean();
            boolean expected = !PER_CONTACT.contains(stream) && !List.of("users", "leads").contains(stream);
            assertEquals(expected, byDefault, stream);
        }
    }
}
