package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tapintercom.e2e.ChildStreamFixtures.dataList;
import static io.tapintercom.e2e.ChildStreamFixtures.json;
import static io.tapintercom.e2e.ChildStreamFixtures.kinds;
import static io.tapintercom.e2e.ChildStreamFixtures.numberedPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
 * The full-table reference streams as a user runs them: contact_attributes, company_attributes and
 * conversation_attributes (GET /data_attributes per model, archived included, keyed by full_name),
 * help_center_collections (page-numbered), subscription_types and ticket_types; and their
 * ACTIVATE_VERSION messages on a first and a later sync.
 */
class ReferenceStreamsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    private static final long VERSION = TapRun.NOW.toEpochMilli();
    /** The keys contact_attributes keeps in STATE after a complete sync, to tell next time what was deleted. */
    private static final String CONTACT_ATTRIBUTE_KEYS =
            "[\"custom_attributes.name\",\"custom_attributes.plan tier\",\"location.city\",\"name\"]";

    /** The standard "name" of a contact: no id, full_name "name". */
    private static final String STANDARD_NAME = """
            {"type":"data_attribute","name":"name","full_name":"name","label":"Name","description":"A contact's full name",
             "data_type":"string","api_writable":true,"ui_writable":true,"messenger_writable":true,"custom":false,
             "archived":false,"model":"contact"}""";
    /** A custom attribute also called "name": an id, and full_name under custom_attributes. */
    private static final String CUSTOM_NAME = """
            {"id":35,"type":"data_attribute","name":"name","full_name":"custom_attributes.name","label":"name",
             "description":"Name as typed in the signup form","data_type":"string","api_writable":true,"ui_writable":false,
             "messenger_writable":true,"custom":true,"archived":false,"admin_id":"991267784","created_at":1734537753,
             "updated_at":1734537753,"model":"contact"}""";
    /** Archived, and a list attribute. */
    private static final String ARCHIVED_PLAN = """
            {"id":36,"type":"data_attribute","name":"plan tier","full_name":"custom_attributes.plan tier","label":"plan tier",
             "description":"","data_type":"string","options":["free","pro"],"api_writable":true,"ui_writable":true,
             "messenger_writable":false,"custom":true,"archived":true,"admin_id":"991267784","created_at":1734537753,
             "updated_at":1734624153,"model":"contact"}""";
    /** A dotted standard attribute. */
    private static final String LOCATION_CITY = """
            {"type":"data_attribute","name":"city","full_name":"location.city","label":"City","description":"The city",
             "data_type":"string","api_writable":false,"ui_writable":false,"messenger_writable":false,"custom":false,
             "archived":false,"model":"contact"}""";
    private static final String COMPANY_STANDARD = """
            {"type":"data_attribute","name":"last_request_at","full_name":"last_request_at","label":"Company last seen",
             "description":"The last day anyone from a company visited your site or app","data_type":"date",
             "api_writable":false,"ui_writable":false,"messenger_writable":true,"custom":false,"archived":false,
             "model":"company"}""";
    private static final String CONVERSATION_CUSTOM = """
            {"id":40,"type":"data_attribute","name":"paid_subscriber","full_name":"custom_attributes.paid_subscriber",
             "label":"paid_subscriber","description":"","data_type":"boolean","api_writable":true,"ui_writable":true,
             "messenger_writable":false,"custom":true,"archived":false,"admin_id":"991267784","created_at":1734537753,
             "updated_at":1734537753,"model":"conversation"}""";

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void stubIntercom() {
        // One stream at a time: these tests check the exact order of every message of several streams.
        config = E2E.write(dir, "config.json", E2E.oneStreamAtATime(E2E.config(intercom.baseUrl())));
        stubAttributes("contact", STANDARD_NAME, CUSTOM_NAME, ARCHIVED_PLAN, LOCATION_CITY);
        stubAttributes("company", COMPANY_STANDARD, Fixtures.load("data_attribute").toString());
        stubAttributes("conversation", CONVERSATION_CUSTOM);
    }

    private void stubAttributes(String model, String... attributes) {
        intercom.stubFor(get(urlPathEqualTo("/data_attributes")).withQueryParam("model", equalTo(model))
                .withQueryParam("include_archived", equalTo("true"))
                .willReturn(okJson(dataList(java.util.Arrays.stream(attributes).map(ChildStreamFixtures::json).toList()))));
    }

    private String sync(String... streams) {
        return ChildStreamFixtures.catalog(dir, config, streams);
    }

    @Test
    void theThreeDataAttributeStreamsAreKeyedByFullNameWithStandardAndCustomOfTheSameName() {
        String catalog = sync("contact_attributes", "company_attributes", "conversation_attributes");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of(
                "STATE", "SCHEMA:contact_attributes", "ACTIVATE_VERSION:contact_attributes",
                "RECORD:contact_attributes", "RECORD:contact_attributes", "RECORD:contact_attributes", "RECORD:contact_attributes",
                "ACTIVATE_VERSION:contact_attributes", "STATE",
                "STATE", "SCHEMA:company_attributes", "ACTIVATE_VERSION:company_attributes",
                "RECORD:company_attributes", "RECORD:company_attributes", "ACTIVATE_VERSION:company_attributes", "STATE",
                "STATE", "SCHEMA:conversation_attributes", "ACTIVATE_VERSION:conversation_attributes",
                "RECORD:conversation_attributes", "ACTIVATE_VERSION:conversation_attributes", "STATE",
                "STATE"), kinds(result));
        for (String stream : List.of("contact_attributes", "company_attributes", "conversation_attributes")) {
            assertEquals("[\"full_name\"]", result.schema(stream).path("key_properties").toString(), stream);
            assertFalse(result.schema(stream).has("bookmark_properties"), stream);
        }
        assertEquals(List.of(
                json("""
                        {"type":"data_attribute","name":"name","full_name":"name","label":"Name","description":"A contact's full name",
                         "data_type":"string","api_writable":true,"ui_writable":true,"messenger_writable":true,"custom":false,
                         "archived":false,"model":"contact"}"""),
                json("""
                        {"id":35,"type":"data_attribute","name":"name","full_name":"custom_attributes.name","label":"name",
                         "description":"Name as typed in the signup form","data_type":"string","api_writable":true,"ui_writable":false,
                         "messenger_writable":true,"custom":true,"archived":false,"admin_id":"991267784",
                         "created_at":"2024-12-18T16:02:33.000000Z","updated_at":"2024-12-18T16:02:33.000000Z","model":"contact"}"""),
                json("""
                        {"id":36,"type":"data_attribute","name":"plan tier","full_name":"custom_attributes.plan tier","label":"plan tier",
                         "description":"","data_type":"string","options":["free","pro"],"api_writable":true,"ui_writable":true,
                         "messenger_writable":false,"custom":true,"archived":true,"admin_id":"991267784",
                         "created_at":"2024-12-18T16:02:33.000000Z","updated_at":"2024-12-19T16:02:33.000000Z","model":"contact"}"""),
                json("""
                        {"type":"data_attribute","name":"city","full_name":"location.city","label":"City","description":"The city",
                         "data_type":"string","api_writable":false,"ui_writable":false,"messenger_writable":false,"custom":false,
                         "archived":false,"model":"contact"}""")),
                result.records("contact_attributes"));
        // Two rows named "name", told apart by their key.
        assertEquals(List.of("name", "custom_attributes.name", "custom_attributes.plan tier", "location.city"),
                result.records("contact_attributes").stream().map(r -> r.path("full_name").asText()).toList());
        assertEquals(List.of(
                json(COMPANY_STANDARD),
                json("""
                        {"id":34,"type":"data_attribute","name":"The One Ring","full_name":"custom_attributes.The One Ring",
                         "label":"The One Ring","description":"One ring to rule them all.","data_type":"string","api_writable":true,
                         "ui_writable":false,"messenger_writable":true,"custom":true,"archived":false,"admin_id":"991267784",
                         "created_at":"2024-12-18T16:02:33.000000Z","updated_at":"2024-12-18T16:02:33.000000Z","model":"company"}""")),
                result.records("company_attributes"));
        assertEquals(List.of(json("""
                        {"id":40,"type":"data_attribute","name":"paid_subscriber","full_name":"custom_attributes.paid_subscriber",
                         "label":"paid_subscriber","description":"","data_type":"boolean","api_writable":true,"ui_writable":true,
                         "messenger_writable":false,"custom":true,"archived":false,"admin_id":"991267784",
                         "created_at":"2024-12-18T16:02:33.000000Z","updated_at":"2024-12-18T16:02:33.000000Z",
                         "model":"conversation"}""")),
                result.records("conversation_attributes"));
        for (JsonNode record : result.ofType("RECORD")) {
            assertEquals(VERSION, record.path("version").asLong(), record.toString());
        }
        for (String model : List.of("contact", "company", "conversation")) {
            intercom.verify(1, getRequestedFor(urlPathEqualTo("/data_attributes")).withQueryParam("model", equalTo(model))
                    .withQueryParam("include_archived", equalTo("true")));
        }
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"contact_attributes\":{\"version\":" + VERSION + ",\"seen_keys\":[\"custom_attributes.name\","
                + "\"custom_attributes.plan tier\",\"location.city\",\"name\"]},"
                + "\"company_attributes\":{\"version\":" + VERSION + ",\"seen_keys\":[\"custom_attributes.The One Ring\","
                + "\"last_request_at\"]},"
                + "\"conversation_attributes\":{\"version\":" + VERSION + ",\"seen_keys\":[\"custom_attributes.paid_subscriber\"]}}}"),
                result.lastState());
    }

    @Test
    void helpCenterCollectionsAreReadPageByPageAndSubscriptionAndTicketTypesWhole() {
        ObjectNode section = Fixtures.load("collection");
        ObjectNode top = Fixtures.load("collection").put("id", "159").put("name", "English collection title")
                .put("url", "http://help-center.test/myapp-96/collection-1").put("help_center_id", 7);
        top.putNull("parent_id");
        ObjectNode last = Fixtures.load("collection").put("id", "161").put("name", "Second section").put("order", 2);
        intercom.stubFor(get(urlPathEqualTo("/help_center/collections")).withQueryParam("per_page", equalTo("150"))
                .withQueryParam("page", equalTo("1")).willReturn(okJson(numberedPage(List.of(top, section), 1, 2, 3, 150))));
        intercom.stubFor(get(urlPathEqualTo("/help_center/collections")).withQueryParam("per_page", equalTo("150"))
                .withQueryParam("page", equalTo("2")).willReturn(okJson(numberedPage(List.of(last), 2, 2, 3, 150))));
        ObjectNode weekly = Fixtures.load("subscription_type").put("id", "136").put("consent_type", "opt_in");
        intercom.stubFor(get(urlPathEqualTo("/subscription_types"))
                .willReturn(okJson(dataList(List.of(Fixtures.load("subscription_type"), weekly)))));
        intercom.stubFor(get(urlPathEqualTo("/ticket_types")).willReturn(okJson(dataList(List.of(Fixtures.load("ticket_type"))))));
        String catalog = sync("help_center_collections", "subscription_types", "ticket_types");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of(
                "STATE", "SCHEMA:help_center_collections", "ACTIVATE_VERSION:help_center_collections",
                "RECORD:help_center_collections", "RECORD:help_center_collections", "RECORD:help_center_collections",
                "ACTIVATE_VERSION:help_center_collections", "STATE",
                "STATE", "SCHEMA:subscription_types", "ACTIVATE_VERSION:subscription_types",
                "RECORD:subscription_types", "RECORD:subscription_types", "ACTIVATE_VERSION:subscription_types", "STATE",
                "STATE", "SCHEMA:ticket_types", "ACTIVATE_VERSION:ticket_types",
                "RECORD:ticket_types", "ACTIVATE_VERSION:ticket_types", "STATE",
                "STATE"), kinds(result));
        // Sections come as collections with the parent's id; only top-level collections have a help center.
        assertEquals(List.of(
                json("""
                        {"id":"159","workspace_id":"this_is_an_id96_that_should_be_at_least_4","name":"English collection title",
                         "url":"http://help-center.test/myapp-96/collection-1","order":1,"created_at":"2024-12-18T15:55:09.000000Z",
                         "updated_at":"2024-12-18T15:55:09.000000Z","description":null,"icon":"bookmark",
                         "parent_id":null,"help_center_id":7}"""),
                json("""
                        {"id":"160","workspace_id":"this_is_an_id96_that_should_be_at_least_4","name":"English section title",
                         "url":"http://help-center.test/myapp-96/section-1","order":1,"created_at":"2024-12-18T15:55:09.000000Z",
                         "updated_at":"2024-12-18T15:55:09.000000Z","description":null,"icon":"bookmark",
                         "parent_id":"159","help_center_id":null}"""),
                json("""
                        {"id":"161","workspace_id":"this_is_an_id96_that_should_be_at_least_4","name":"Second section",
                         "url":"http://help-center.test/myapp-96/section-1","order":2,"created_at":"2024-12-18T15:55:09.000000Z",
                         "updated_at":"2024-12-18T15:55:09.000000Z","description":null,"icon":"bookmark",
                         "parent_id":"159","help_center_id":null}""")),
                result.records("help_center_collections"));
        assertEquals(List.of(Fixtures.load("subscription_type"), weekly), result.records("subscription_types"));
        assertEquals(List.of(json("""
                {"type":"ticket_type","id":"1295","category":"Customer","name":"Bug","description":"A bug that has been reported.",
                 "icon":"🐞","workspace_id":"ecahpwf5","archived":false,"created_at":"2024-12-18T16:06:29.000000Z",
                 "updated_at":"2024-12-18T16:06:29.000000Z","is_internal":false,
                 "ticket_type_attributes":{"type":"list","data":[{"type":"ticket_type_attribute","id":"220",
                                           "name":"_default_title_","data_type":"string"}]}}""")),
                result.records("ticket_types"));
        intercom.verify(2, getRequestedFor(urlPathEqualTo("/help_center/collections")));
        intercom.verify(1, getRequestedFor(urlPathEqualTo("/subscription_types")));
        intercom.verify(1, getRequestedFor(urlPathEqualTo("/ticket_types")));
    }

    @Test
    void aFirstSyncActivatesTheVersionBeforeAndAfterItsRecordsALaterSyncOnlyAfter() {
        intercom.stubFor(get(urlPathEqualTo("/ticket_types")).willReturn(okJson(dataList(List.of(Fixtures.load("ticket_type"))))));
        String catalog = sync("ticket_types", "contact_attributes");

        TapRun.Result first = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, first.exit(), first.toString());
        SchemaCheck.assertValid(first);
        assertEquals(List.of(
                "STATE", "SCHEMA:contact_attributes", "ACTIVATE_VERSION:contact_attributes",
                "RECORD:contact_attributes", "RECORD:contact_attributes", "RECORD:contact_attributes", "RECORD:contact_attributes",
                "ACTIVATE_VERSION:contact_attributes", "STATE",
                "STATE", "SCHEMA:ticket_types", "ACTIVATE_VERSION:ticket_types", "RECORD:ticket_types",
                "ACTIVATE_VERSION:ticket_types", "STATE",
                "STATE"), kinds(first));
        versions(first).forEach(v -> assertEquals(VERSION, v));
        JsonNode firstState = first.lastState();
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"contact_attributes\":{\"version\":" + VERSION + ",\"seen_keys\":" + CONTACT_ATTRIBUTE_KEYS + "},"
                + "\"ticket_types\":{\"version\":" + VERSION + ",\"seen_keys\":[\"1295\"]}}}"), firstState);

        Instant later = TapRun.NOW.plus(Duration.ofDays(1));
        long laterVersion = later.toEpochMilli();
        String state = E2E.write(dir, "state.json", firstState);
        TapRun.Result second = TapRun.tap().at(later).run("--config", config, "--catalog", catalog, "--state", state);

        assertEquals(0, second.exit(), second.toString());
        SchemaCheck.assertValid(second);
        // The table exists: no leading ACTIVATE_VERSION, which would empty it before the new rows arrive.
        assertEquals(List.of(
                "STATE", "SCHEMA:contact_attributes",
                "RECORD:contact_attributes", "RECORD:contact_attributes", "RECORD:contact_attributes", "RECORD:contact_attributes",
                "ACTIVATE_VERSION:contact_attributes", "STATE",
                "STATE", "SCHEMA:ticket_types", "RECORD:ticket_types", "ACTIVATE_VERSION:ticket_types", "STATE",
                "STATE"), kinds(second));
        versions(second).forEach(v -> assertEquals(laterVersion, v));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"contact_attributes\":{\"version\":" + laterVersion + ",\"seen_keys\":" + CONTACT_ATTRIBUTE_KEYS + "},"
                + "\"ticket_types\":{\"version\":" + laterVersion + ",\"seen_keys\":[\"1295\"]}}}"),
                second.lastState());
        // The STATE right after the ticket_types ACTIVATE_VERSION already holds its new version.
        List<JsonNode> messages = second.messages();
        int activate = kinds(second).lastIndexOf("ACTIVATE_VERSION:ticket_types");
        assertEquals(laterVersion, messages.get(activate + 1).path("value").path("bookmarks").path("ticket_types")
                .path("version").asLong());
        assertEquals(first.records("contact_attributes"), second.records("contact_attributes"));
    }

    /** The version of every RECORD and ACTIVATE_VERSION message. */
    private static List<Long> versions(TapRun.Result result) {
        return result.messages().stream()
                .filter(m -> m.path("type").asText().equals("RECORD") || m.path("type").asText().equals("ACTIVATE_VERSION"))
                .map(m -> m.path("version").asLong(-1)).toList();
    }
}
