package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tapintercom.e2e.ChildStreamFixtures.T0;
import static io.tapintercom.e2e.ChildStreamFixtures.contact;
import static io.tapintercom.e2e.ChildStreamFixtures.conversation;
import static io.tapintercom.e2e.ChildStreamFixtures.dataList;
import static io.tapintercom.e2e.ChildStreamFixtures.embed;
import static io.tapintercom.e2e.ChildStreamFixtures.iso;
import static io.tapintercom.e2e.ChildStreamFixtures.json;
import static io.tapintercom.e2e.ChildStreamFixtures.labelled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.singer.Json;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Link tables taken from lists inside records already read, as a user runs them: one row per item,
 * carrying the parent's key and updated_at, keyed (parent id, item id or position); contacts' lists
 * completed first when Intercom shows only 10; conversation parts' lists from the one request the
 * parts cost; selected alone, the parent is read and not written.
 */
class LinkTablesE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    private static final Map<String, String> LABELS = Map.of(
            "contact_tags", "contact_id", "contact_companies", "contact_id",
            "contact_social_profiles", "contact_id", "conversations", "id", "conversation_tags", "conversation_id",
            "conversation_contacts", "conversation_id", "conversation_teammates", "conversation_id",
            "conversation_attachments", "conversation_id", "conversation_part_attachments", "conversation_part_id",
            "conversation_part_tags", "conversation_part_id");

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void writeConfig() {
        config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()));
    }

    private static ObjectNode withSocialProfiles(ObjectNode contact, String... names) {
        ArrayNode data = ((ObjectNode) contact.get("social_profiles")).putArray("data");
        for (String name : names) {
            data.addObject().put("type", "social_profile").put("name", name).put("url", "https://" + name + ".example.com/busy");
        }
        return contact;
    }

    @Test
    void aContactWith14TagsGives14ContactTagsRowsAndTheContactIsReadButNotWritten() {
        List<String> tagIds = IntStream.rangeClosed(1, 14).mapToObj(i -> "t" + i).toList();
        ObjectNode busy = embed(contact("busy", T0), "tags", "tag", "/tags/", tagIds.subList(0, 10), 14);
        embed(busy, "companies", "company", "/companies/", List.of("co1", "co2"), 2);
        withSocialProfiles(busy, "Twitter", "LinkedIn");
        ObjectNode quiet = embed(contact("quiet", T0 + 10), "tags", "tag", "/tags/", List.of("t1"), 1);
        embed(quiet, "companies", "company", "/companies/", List.of(), 0);
        withSocialProfiles(quiet);
        ChildStreamFixtures.stubContactSearch(intercom, List.of(List.of(busy, quiet)));
        List<ObjectNode> tags = new ArrayList<>();
        tagIds.forEach(id -> tags.add(Json.object().put("type", "tag").put("id", id).put("name", "Tag " + id)));
        intercom.stubFor(get(urlPathEqualTo("/contacts/busy/tags")).willReturn(okJson(dataList(tags))));
        String catalog = ChildStreamFixtures.catalog(dir, config, "contact_tags", "contact_companies", "contact_social_profiles");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        List<String> expectedKinds = new ArrayList<>(List.of("STATE", "SCHEMA:contact_tags", "SCHEMA:contact_companies",
                "SCHEMA:contact_social_profiles"));
        tagIds.forEach(id -> expectedKinds.add("RECORD:contact_tags:busy"));
        expectedKinds.addAll(List.of("RECORD:contact_companies:busy", "RECORD:contact_companies:busy",
                "RECORD:contact_social_profiles:busy", "RECORD:contact_social_profiles:busy",
                "RECORD:contact_tags:quiet", "STATE", "STATE"));
        assertEquals(expectedKinds, labelled(result, LABELS));
        assertEquals(tagIds, result.records("contact_tags").stream().limit(14).map(r -> r.path("id").asText()).toList());
        assertEquals(json("{\"contact_id\":\"busy\",\"type\":\"tag\",\"id\":\"t14\",\"url\":\"/tags/t14\","
                + "\"contact_updated_at\":\"" + iso(T0) + "\"}"), result.records("contact_tags").get(13));
        assertEquals(json("{\"contact_id\":\"quiet\",\"type\":\"tag\",\"id\":\"t1\",\"url\":\"/tags/t1\","
                + "\"contact_updated_at\":\"" + iso(T0 + 10) + "\"}"), result.records("contact_tags").get(14));
        assertEquals(json("{\"contact_id\":\"busy\",\"id\":\"co2\",\"type\":\"company\",\"url\":\"/companies/co2\","
                + "\"contact_updated_at\":\"" + iso(T0) + "\"}"), result.records("contact_companies").get(1));
        assertEquals(List.of(
                json("{\"contact_id\":\"busy\",\"type\":\"social_profile\",\"name\":\"Twitter\","
                        + "\"url\":\"https://Twitter.example.com/busy\",\"position\":0,\"contact_updated_at\":\"" + iso(T0) + "\"}"),
                json("{\"contact_id\":\"busy\",\"type\":\"social_profile\",\"name\":\"LinkedIn\","
                        + "\"url\":\"https://LinkedIn.example.com/busy\",\"position\":1,\"contact_updated_at\":\"" + iso(T0) + "\"}")),
                result.records("contact_social_profiles"));
        assertEquals("[\"contact_id\",\"id\"]", result.schema("contact_tags").path("key_properties").toString());
        assertEquals("[\"contact_id\",\"position\"]", result.schema("contact_social_profiles").path("key_properties").toString());
        assertEquals("[\"contact_updated_at\"]", result.schema("contact_tags").path("bookmark_properties").toString());
        // The full tag list is read once for the three streams; no other request per contact.
        assertEquals(List.of("POST /contacts/search", "GET /contacts/busy/tags"), ChildStreamFixtures.requests(intercom));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"contact_tags\":{\"updated_at\":\"" + iso(T0 + 10) + "\"},"
                + "\"contact_companies\":{\"updated_at\":\"" + iso(T0 + 10) + "\"},"
                + "\"contact_social_profiles\":{\"updated_at\":\"" + iso(T0 + 10) + "\"}}}"), result.lastState());
    }

    @Test
    void aConversationsTagsContactsTeammatesAndAttachmentsGiveLinkRowsWithTheirKeysAtNoRequest() {
        ObjectNode c1 = conversation("c1", T0);
        ArrayNode c1Tags = ((ObjectNode) c1.get("tags")).putArray("tags");
        c1Tags.addObject().put("type", "tag").put("id", "tg1").put("name", "Billing").put("applied_at", T0 - 60)
                .putObject("applied_by").put("type", "admin").put("id", "274");
        c1Tags.addObject().put("type", "tag").put("id", "tg2").put("name", "VIP").put("applied_at", T0 - 30)
                .putNull("applied_by");
        ArrayNode c1Contacts = ((ObjectNode) c1.get("contacts")).putArray("contacts");
        c1Contacts.addObject().put("type", "contact").put("id", "k1").put("external_id", "ext-1");
        c1Contacts.addObject().put("type", "contact").put("id", "k2").putNull("external_id");
        ArrayNode c1Teammates = ((ObjectNode) c1.get("teammates")).putArray("teammates");
        c1Teammates.addObject().put("type", "admin").put("id", "274");
        ArrayNode attachments = ((ObjectNode) c1.get("source")).putArray("attachments");
        attachments.addObject().put("type", "upload").put("name", "a.png").put("url", "https://files.example.com/a.png")
                .put("content_type", "image/png").put("filesize", 100).put("width", 10).put("height", 20);
        attachments.addObject().put("type", "upload").put("name", "b.pdf").put("url", "https://files.example.com/b.pdf")
                .put("content_type", "application/pdf").put("filesize", 2048).putNull("width").putNull("height");
        ObjectNode c2 = conversation("c2", T0 + 5);
        ((ObjectNode) c2.get("tags")).putArray("tags");
        ((ObjectNode) c2.get("contacts")).putArray("contacts").addObject().put("type", "contact").put("id", "k3")
                .put("external_id", "ext-3");
        ((ObjectNode) c2.get("teammates")).putArray("teammates");
        ((ObjectNode) c2.get("source")).putArray("attachments");
        ChildStreamFixtures.stubConversationSearch(intercom, List.of(List.of(c1, c2)));
        String catalog = ChildStreamFixtures.catalog(dir, config, "conversations", "conversation_tags",
                "conversation_contacts", "conversation_teammates", "conversation_attachments");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("POST /conversations/search"), ChildStreamFixtures.requests(intercom));
        assertEquals(List.of("STATE", "SCHEMA:conversations", "SCHEMA:conversation_tags", "SCHEMA:conversation_contacts",
                "SCHEMA:conversation_teammates", "SCHEMA:conversation_attachments",
                "RECORD:conversations:c1", "RECORD:conversation_tags:c1", "RECORD:conversation_tags:c1",
                "RECORD:conversation_contacts:c1", "RECORD:conversation_contacts:c1", "RECORD:conversation_teammates:c1",
                "RECORD:conversation_attachments:c1", "RECORD:conversation_attachments:c1",
                "RECORD:conversations:c2", "RECORD:conversation_contacts:c2",
                "STATE", "STATE"), labelled(result, LABELS));
        String at = iso(T0);
        assertEquals(List.of(
                json("{\"conversation_id\":\"c1\",\"type\":\"tag\",\"id\":\"tg1\",\"name\":\"Billing\",\"applied_at\":\""
                        + iso(T0 - 60) + "\",\"applied_by\":{\"type\":\"admin\",\"id\":\"274\"},\"conversation_updated_at\":\"" + at + "\"}"),
                json("{\"conversation_id\":\"c1\",\"type\":\"tag\",\"id\":\"tg2\",\"name\":\"VIP\",\"applied_at\":\""
                        + iso(T0 - 30) + "\",\"applied_by\":null,\"conversation_updated_at\":\"" + at + "\"}")),
                result.records("conversation_tags"));
        assertEquals(List.of(
                json("{\"conversation_id\":\"c1\",\"type\":\"contact\",\"id\":\"k1\",\"external_id\":\"ext-1\",\"conversation_updated_at\":\"" + at + "\"}"),
                json("{\"conversation_id\":\"c1\",\"type\":\"contact\",\"id\":\"k2\",\"external_id\":null,\"conversation_updated_at\":\"" + at + "\"}"),
                json("{\"conversation_id\":\"c2\",\"type\":\"contact\",\"id\":\"k3\",\"external_id\":\"ext-3\",\"conversation_updated_at\":\""
                        + iso(T0 + 5) + "\"}")),
                result.records("conversation_contacts"));
        assertEquals(List.of(json("{\"conversation_id\":\"c1\",\"type\":\"admin\",\"id\":\"274\",\"conversation_updated_at\":\"" + at + "\"}")),
                result.records("conversation_teammates"));
        assertEquals(List.of(
                json("{\"conversation_id\":\"c1\",\"type\":\"upload\",\"name\":\"a.png\",\"url\":\"https://files.example.com/a.png\","
                        + "\"content_type\":\"image/png\",\"filesize\":100,\"width\":10,\"height\":20,\"position\":0,"
                        + "\"conversation_updated_at\":\"" + at + "\"}"),
                json("{\"conversation_id\":\"c1\",\"type\":\"upload\",\"name\":\"b.pdf\",\"url\":\"https://files.example.com/b.pdf\","
                        + "\"content_type\":\"application/pdf\",\"filesize\":2048,\"width\":null,\"height\":null,\"position\":1,"
                        + "\"conversation_updated_at\":\"" + at + "\"}")),
                result.records("conversation_attachments"));
        for (String stream : List.of("conversation_tags", "conversation_contacts", "conversation_teammates")) {
            assertEquals("[\"conversation_id\",\"id\"]", result.schema(stream).path("key_properties").toString(), stream);
        }
        assertEquals("[\"conversation_id\",\"position\"]",
                result.schema("conversation_attachments").path("key_properties").toString());
        for (String stream : List.of("conversations", "conversation_tags", "conversation_contacts", "conversation_teammates",
                "conversation_attachments")) {
            assertEquals(iso(T0 + 5), result.lastState().path("bookmarks").path(stream).path("updated_at").asText(), stream);
        }
    }

    @Test
    void partAttachmentsAndTagsShareThePartsOneRequestPerConversationAndADeletedConversationIsSkippedOnce() {
        ObjectNode c1 = conversation("c1", T0);
        ObjectNode gone = conversation("gone", T0 + 1);
        ObjectNode c3 = conversation("c3", T0 + 2);
        ChildStreamFixtures.stubConversationSearch(intercom, List.of(List.of(c1, gone, c3)));
        ObjectNode p11 = ChildStreamFixtures.part(11, T0 - 100);
        p11.putArray("attachments").addObject().put("type", "upload").put("name", "x.png").put("url", "https://f.example.com/x.png")
                .put("content_type", "image/png").put("filesize", 5).put("width", 1).put("height", 1);
        p11.putArray("tags").addObject().put("type", "tag").put("id", "tg1").put("name", "Billing");
        ObjectNode p12 = ChildStreamFixtures.part(12, T0 - 50);
        p12.putArray("attachments").addObject().put("type", "upload").put("name", "y.txt").put("url", "https://f.example.com/y.txt")
                .put("content_type", "text/plain").put("filesize", 7).putNull("width").putNull("height");
        p12.withArray("attachments").addObject().put("type", "upload").put("name", "z.txt").put("url", "https://f.example.com/z.txt")
                .put("content_type", "text/plain").put("filesize", 9).putNull("width").putNull("height");
        p12.putArray("tags");
        intercom.stubFor(get(urlPathEqualTo("/conversations/c1"))
                .willReturn(okJson(ChildStreamFixtures.withParts(c1, List.of(p11, p12), 2).toString())));
        intercom.stubFor(get(urlPathEqualTo("/conversations/gone")).willReturn(ChildStreamFixtures.notFound()));
        intercom.stubFor(get(urlPathEqualTo("/conversations/c3"))
                .willReturn(okJson(ChildStreamFixtures.withParts(c3, List.of(), 0).toString())));
        String catalog = ChildStreamFixtures.catalog(dir, config, "conversation_part_attachments", "conversation_part_tags");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        for (String id : List.of("c1", "gone", "c3")) {
            intercom.verify(1, getRequestedFor(urlPathEqualTo("/conversations/" + id)));
        }
        assertEquals(List.of("STATE", "SCHEMA:conversation_part_attachments", "SCHEMA:conversation_part_tags",
                "RECORD:conversation_part_attachments:11", "RECORD:conversation_part_attachments:12",
                "RECORD:conversation_part_attachments:12", "RECORD:conversation_part_tags:11",
                "STATE", "STATE"), labelled(result, LABELS));
        String at = iso(T0);
        assertEquals(List.of(
                json("{\"conversation_id\":\"c1\",\"conversation_part_id\":\"11\",\"type\":\"upload\",\"name\":\"x.png\","
                        + "\"url\":\"https://f.example.com/x.png\",\"content_type\":\"image/png\",\"filesize\":5,\"width\":1,\"height\":1,"
                        + "\"position\":0,\"conversation_updated_at\":\"" + at + "\"}"),
                json("{\"conversation_id\":\"c1\",\"conversation_part_id\":\"12\",\"type\":\"upload\",\"name\":\"y.txt\","
                        + "\"url\":\"https://f.example.com/y.txt\",\"content_type\":\"text/plain\",\"filesize\":7,\"width\":null,"
                        + "\"height\":null,\"position\":0,\"conversation_updated_at\":\"" + at + "\"}"),
                json("{\"conversation_id\":\"c1\",\"conversation_part_id\":\"12\",\"type\":\"upload\",\"name\":\"z.txt\","
                        + "\"url\":\"https://f.example.com/z.txt\",\"content_type\":\"text/plain\",\"filesize\":9,\"width\":null,"
                        + "\"height\":null,\"position\":1,\"conversation_updated_at\":\"" + at + "\"}")),
                result.records("conversation_part_attachments"));
        assertEquals(List.of(json("{\"conversation_id\":\"c1\",\"conversation_part_id\":\"11\",\"type\":\"tag\",\"id\":\"tg1\","
                        + "\"name\":\"Billing\",\"conversation_updated_at\":\"" + at + "\"}")),
                result.records("conversation_part_tags"));
        assertEquals("[\"conversation_part_id\",\"position\"]",
                result.schema("conversation_part_attachments").path("key_properties").toString());
        assertEquals("[\"conversation_part_id\",\"id\"]", result.schema("conversation_part_tags").path("key_properties").toString());
        List<String> warnings = result.stderr().lines().filter(l -> l.startsWith("WARNING")).toList();
        assertEquals(2, warnings.size(), result.stderr());
        assertTrue(warnings.get(0).startsWith("WARNING stream conversation_part_attachments: conversations gone no longer exists ("),
                warnings.toString());
        assertTrue(warnings.get(1).startsWith("WARNING stream conversation_part_tags: conversations gone no longer exists ("),
                warnings.toString());
    }

    @Test
    void ticketPartsAndTeamAdminsComeFromTheTicketsAndTeamsThemselves() {
        ObjectNode ticket = Fixtures.object("ticket", "tk1", T0);
        ChildStreamFixtures.stubSearch(intercom, "/tickets/search", "ticket.list", "tickets", List.of(List.of(ticket)));
        ObjectNode team = Fixtures.object("team", "814865", 0);
        team.putArray("admin_ids").add(493881).add(493882);
        intercom.stubFor(get(urlPathEqualTo("/teams")).willReturn(okJson(Fixtures.list("team.list", "teams", List.of(team)).toString())));
        String catalog = ChildStreamFixtures.catalog(dir, config, "ticket_parts", "team_admins");
        // One stream at a time, so that the requests come in the tap's order of streams.
        String sequential = E2E.write(dir, "sequential.json", E2E.oneStreamAtATime(E2E.config(intercom.baseUrl())));

        TapRun.Result result = TapRun.tap().run("--config", sequential, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("GET /teams", "POST /tickets/search"), ChildStreamFixtures.requests(intercom));
        List<JsonNode> admins = result.records("team_admins");
        assertEquals(List.of(json("{\"team_id\":\"814865\",\"admin_id\":\"493881\"}"),
                json("{\"team_id\":\"814865\",\"admin_id\":\"493882\"}")), admins);
        assertEquals("[\"team_id\",\"admin_id\"]", result.schema("team_admins").path("key_properties").toString());
        JsonNode part = ChildStreamFixtures.expected(ticket.path("ticket_parts").path("ticket_parts").get(0).deepCopy(),
                ChildStreamFixtures.schemaOf(result, "ticket_parts"));
        ObjectNode expectedPart = ((ObjectNode) json("{\"ticket_id\":\"tk1\"}"));
        expectedPart.setAll((ObjectNode) part);
        expectedPart.put("ticket_updated_at", iso(T0));
        assertEquals(List.of(expectedPart), result.records("ticket_parts").stream().map(ChildStreamFixtures::normal).toList());
        assertEquals("[\"ticket_id\",\"id\"]", result.schema("ticket_parts").path("key_properties").toString());
        assertEquals(iso(T0), result.lastState().path("bookmarks").path("ticket_parts").path("updated_at").asText());
        intercom.verify(0, getRequestedFor(urlPathMatching("/tickets/.+")));
    }
}
