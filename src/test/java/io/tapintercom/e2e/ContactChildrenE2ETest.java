package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tapintercom.e2e.ChildStreamFixtures.T0;
import static io.tapintercom.e2e.ChildStreamFixtures.contact;
import static io.tapintercom.e2e.ChildStreamFixtures.dataList;
import static io.tapintercom.e2e.ChildStreamFixtures.embed;
import static io.tapintercom.e2e.ChildStreamFixtures.expected;
import static io.tapintercom.e2e.ChildStreamFixtures.iso;
import static io.tapintercom.e2e.ChildStreamFixtures.json;
import static io.tapintercom.e2e.ChildStreamFixtures.labelled;
import static io.tapintercom.e2e.ChildStreamFixtures.note;
import static io.tapintercom.e2e.ChildStreamFixtures.numberedPage;
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
 * What hangs off a contact, as a user runs it: contact_notes (GET /contacts/{id}/notes per changed
 * contact, page-numbered, skipped when the contact has none) and the embedded tags, companies and
 * notes lists completed from their sub-resources when Intercom shows only the first 10.
 */
class ContactChildrenE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    private static final Map<String, String> LABELS = Map.of("contacts", "id", "contact_notes", "contact_id");

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void writeConfig() {
        config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()));
    }

    /** A contact whose embedded notes list shows these ids out of {@code total}. */
    private static ObjectNode contactWithNotes(String id, long updatedAt, List<String> noteIds, int total) {
        return embed(contact(id, updatedAt), "notes", "note", "/notes/", noteIds, total);
    }

    private void stubNotePage(String contactId, int page, int totalPages, int totalCount, List<ObjectNode> notes) {
        intercom.stubFor(get(urlPathEqualTo("/contacts/" + contactId + "/notes"))
                .withQueryParam("per_page", equalTo("60")).withQueryParam("page", equalTo(Integer.toString(page)))
                .willReturn(okJson(numberedPage(notes, page, totalPages, totalCount, 60))));
    }

    @Test
    void notesOfEveryChangedContactFollowTheirContactAndContactsWithoutNotesAreNotAsked() {
        ObjectNode k1 = contactWithNotes("k1", T0, List.of("n1", "n2"), 2);
        ObjectNode k2 = contactWithNotes("k2", T0 + 10, List.of(), 0);
        ObjectNode k3 = contactWithNotes("k3", T0 + 20, List.of("n3", "n4", "n5"), 3);
        ObjectNode k4 = contactWithNotes("k4", T0 + 30, List.of("n6"), 1);
        ChildStreamFixtures.stubContactSearch(intercom, List.of(List.of(k1, k2, k3), List.of(k4)));
        ObjectNode n1 = note("n1", "k1", T0 - 100);
        ObjectNode n2 = note("n2", "k1", T0 - 50);
        ObjectNode n3 = note("n3", "k3", T0 - 30);
        ObjectNode n4 = note("n4", "k3", T0 - 20);
        ObjectNode n5 = note("n5", "k3", T0 - 10);
        ObjectNode n6 = note("n6", "k4", T0);
        stubNotePage("k1", 1, 1, 2, List.of(n1, n2));
        // k3's notes come on two pages.
        stubNotePage("k3", 1, 2, 3, List.of(n3, n4));
        stubNotePage("k3", 2, 2, 3, List.of(n5));
        stubNotePage("k4", 1, 1, 1, List.of(n6));
        String catalog = ChildStreamFixtures.catalog(dir, config, "contacts", "contact_notes");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("STATE", "SCHEMA:contacts", "SCHEMA:contact_notes",
                "RECORD:contacts:k1", "RECORD:contact_notes:k1", "RECORD:contact_notes:k1",
                "RECORD:contacts:k2",
                "RECORD:contacts:k3", "RECORD:contact_notes:k3", "RECORD:contact_notes:k3", "RECORD:contact_notes:k3",
                "STATE",
                "RECORD:contacts:k4", "RECORD:contact_notes:k4",
                "STATE", "STATE"), labelled(result, LABELS));
        // notes.total_count 0: no request at all.
        intercom.verify(0, getRequestedFor(urlPathEqualTo("/contacts/k2/notes")));
        intercom.verify(2, getRequestedFor(urlPathEqualTo("/contacts/k3/notes")));
        JsonNode schema = ChildStreamFixtures.schemaOf(result, "contact_notes");
        List<JsonNode> expectedNotes = new ArrayList<>();
        for (ObjectNode note : List.of(n1, n2, n3, n4, n5, n6)) {
            expectedNotes.add(expected(note.deepCopy().put("contact_id", note.path("contact").path("id").asText()), schema));
        }
        assertEquals(expectedNotes, result.records("contact_notes").stream().map(ChildStreamFixtures::normal).toList());
        assertEquals(json("""
                {"type":"note","id":"n1","created_at":"2026-09-21T14:11:40.000000Z",
                 "contact":{"type":"contact","id":"k1"},
                 "author":{"type":"admin","id":"991267581","name":"Ciaran122 Lee","email":"admin122@email.com",
                           "away_mode_enabled":false,"away_mode_reassign":false},
                 "body":"<p>note n1</p>","contact_id":"k1"}"""), result.records("contact_notes").get(0));
        assertEquals("[\"id\"]", result.schema("contact_notes").path("key_properties").toString());
        assertEquals(json("{\"currently_syncing\":\"contacts\",\"bookmarks\":{"
                        + "\"contacts\":{\"updated_at\":\"" + iso(T0 + 20) + "\"},"
                        + "\"contact_notes\":{\"updated_at\":\"" + iso(T0 + 20) + "\"}}}"),
                result.ofType("STATE").get(1).get("value"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                        + "\"contacts\":{\"updated_at\":\"" + iso(T0 + 30) + "\"},"
                        + "\"contact_notes\":{\"updated_at\":\"" + iso(T0 + 30) + "\"}}}"),
                result.lastState());
    }

    @Test
    void notesSelectedWithoutContactsEmitNoContact() {
        ObjectNode k1 = contactWithNotes("k1", T0, List.of("n1"), 1);
        ObjectNode k2 = contactWithNotes("k2", T0 + 40, List.of("n2"), 1);
        ChildStreamFixtures.stubContactSearch(intercom, List.of(List.of(k1, k2)));
        stubNotePage("k1", 1, 1, 1, List.of(note("n1", "k1", T0)));
        stubNotePage("k2", 1, 1, 1, List.of(note("n2", "k2", T0)));
        String catalog = ChildStreamFixtures.catalog(dir, config, "contact_notes");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("STATE", "SCHEMA:contact_notes",
                "RECORD:contact_notes:k1", "RECORD:contact_notes:k2", "STATE", "STATE"), labelled(result, LABELS));
        assertEquals(List.of("n1", "n2"), result.ids("contact_notes"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"contact_notes\":{\"updated_at\":\"" + iso(T0 + 40) + "\"}}}"), result.lastState());
        // The embedded lists are the contacts stream's business: not hydrated when it is not emitted.
        intercom.verify(0, getRequestedFor(urlPathMatching("/contacts/[^/]+/(tags|companies)")));
    }

    @Test
    void aContactDeletedBeforeItsNotesAreReadIsSkippedWithAWarning() {
        ObjectNode k1 = contactWithNotes("k1", T0, List.of("n1"), 1);
        ObjectNode gone = contactWithNotes("gone", T0 + 1, List.of("n2"), 1);
        ChildStreamFixtures.stubContactSearch(intercom, List.of(List.of(k1, gone)));
        stubNotePage("k1", 1, 1, 1, List.of(note("n1", "k1", T0)));
        intercom.stubFor(get(urlPathEqualTo("/contacts/gone/notes")).willReturn(ChildStreamFixtures.notFound()));
        String catalog = ChildStreamFixtures.catalog(dir, config, "contact_notes");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("n1"), result.ids("contact_notes"));
        assertTrue(result.stderr().lines().anyMatch(l -> l.startsWith(
                "WARNING stream contact_notes: contacts gone no longer exists (")), result.stderr());
        assertEquals(iso(T0 + 1), result.lastState().path("bookmarks").path("contact_notes").path("updated_at").asText());
    }

    @Test
    void aContactWithMoreThanTenTagsCompaniesOrNotesGetsTheFullListsInItsRecord() {
        List<String> tagIds = IntStream.rangeClosed(1, 12).mapToObj(i -> "t" + i).toList();
        List<String> companyIds = IntStream.rangeClosed(1, 11).mapToObj(i -> "co" + i).toList();
        List<String> noteIds = IntStream.rangeClosed(1, 13).mapToObj(i -> "n" + i).toList();
        ObjectNode busy = contact("busy", T0);
        embed(busy, "tags", "tag", "/tags/", tagIds.subList(0, 10), 12);
        embed(busy, "companies", "company", "/companies/", companyIds.subList(0, 10), 11);
        embed(busy, "notes", "note", "/notes/", noteIds.subList(0, 10), 13);
        ObjectNode quiet = contact("quiet", T0 + 1);
        embed(quiet, "tags", "tag", "/tags/", List.of("t1", "t2"), 2);
        ChildStreamFixtures.stubContactSearch(intercom, List.of(List.of(busy, quiet)));

        List<ObjectNode> tags = new ArrayList<>();
        for (String id : tagIds) {
            ObjectNode tag = Json.object().put("type", "tag").put("id", id).put("name", "Tag " + id).put("applied_at", T0);
            tag.putObject("applied_by").put("type", "admin").put("id", "456");
            tags.add(tag);
        }
        // Tags: one unpaginated list.
        intercom.stubFor(get(urlPathEqualTo("/contacts/busy/tags")).willReturn(okJson(dataList(tags))));
        // Companies and notes: page-numbered.
        List<ObjectNode> companies = companyIds.stream().map(id -> ChildStreamFixtures.company(id, T0)).toList();
        intercom.stubFor(get(urlPathEqualTo("/contacts/busy/companies")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(numberedPage(companies.subList(0, 6), 1, 2, 11, 6))));
        intercom.stubFor(get(urlPathEqualTo("/contacts/busy/companies")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(numberedPage(companies.subList(6, 11), 2, 2, 11, 6))));
        List<ObjectNode> notes = noteIds.stream().map(id -> note(id, "busy", T0)).toList();
        stubNotePage("busy", 1, 1, 13, notes);
        String catalog = ChildStreamFixtures.catalog(dir, config, "contacts");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("busy", "quiet"), result.ids("contacts"));
        JsonNode record = result.records("contacts").get(0);
        ObjectNode fullTags = Json.object().put("type", "list");
        ArrayNode tagData = fullTags.putArray("data");
        tagIds.forEach(id -> tagData.addObject().put("type", "tag").put("id", id).put("url", "/tags/" + id));
        fullTags.put("url", "/contacts/busy/tags").put("total_count", 12).put("has_more", false);
        assertEquals(ChildStreamFixtures.normal(fullTags), record.get("tags"));
        assertEquals(12, record.path("tags").path("data").size());
        assertEquals(json("{\"type\":\"tag\",\"id\":\"t12\",\"url\":\"/tags/t12\"}"), record.path("tags").path("data").get(11));

        ObjectNode hydrated = busy.deepCopy();
        hydrated.set("tags", fullTags);
        hydrated.set("companies", embed(contact("busy", T0), "companies", "company", "/companies/", companyIds, 11).get("companies"));
        hydrated.set("notes", embed(contact("busy", T0), "notes", "note", "/notes/", noteIds, 13).get("notes"));
        JsonNode expectedRecord = expected(hydrated, ChildStreamFixtures.schemaOf(result, "contacts"));
        assertEquals(false, expectedRecord.path("companies").path("has_more").asBoolean(true));
        assertEquals(expectedRecord, ChildStreamFixtures.normal(record));
        // Unchanged where Intercom showed everything.
        assertEquals(expected(quiet, ChildStreamFixtures.schemaOf(result, "contacts")),
                ChildStreamFixtures.normal(result.records("contacts").get(1)));

        intercom.verify(1, getRequestedFor(urlPathEqualTo("/contacts/busy/tags")));
        intercom.verify(2, getRequestedFor(urlPathEqualTo("/contacts/busy/companies")));
        intercom.verify(1, getRequestedFor(urlPathEqualTo("/contacts/busy/notes")));
        intercom.verify(0, getRequestedFor(urlPathMatching("/contacts/quiet/.*")));
    }

    @Test
    void aContactDeletedBeforeItsFullTagListIsReadIsWrittenAsDeletedAndTheSyncGoesOn() {
        List<String> tagIds = IntStream.rangeClosed(1, 10).mapToObj(i -> "t" + i).toList();
        ObjectNode gone = embed(contact("gone", T0), "tags", "tag", "/tags/", tagIds, 14);
        ObjectNode k2 = contact("k2", T0 + 1);
        ChildStreamFixtures.stubContactSearch(intercom, List.of(List.of(gone, k2)));
        intercom.stubFor(get(urlPathEqualTo("/contacts/gone/tags")).willReturn(ChildStreamFixtures.notFound()));
        String catalog = ChildStreamFixtures.catalog(dir, config, "contacts");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("gone", "k2"), result.ids("contacts"));
        // Its tag list answers 404: merged or deleted since the search, so its deletion goes out instead.
        assertEquals(ChildStreamFixtures.json("{\"id\":\"gone\",\"_sdc_deleted_at\":\"2026-11-01T12:00:00.000000Z\"}"),
                result.records("contacts").get(0));
        List<String> warnings = result.stderr().lines().filter(l -> l.startsWith("WARNING")).toList();
        assertEquals(1, warnings.size(), result.stderr());
        assertEquals("WARNING contact gone no longer exists (GET /contacts/gone/tags failed: 404 not_found: Resource Not Found);"
                + " it is written as deleted", warnings.get(0));
        intercom.verify(1, getRequestedFor(urlPathEqualTo("/contacts/gone/tags")));
        assertEquals(iso(T0 + 1), result.lastState().path("bookmarks").path("contacts").path("updated_at").asText());
    }
}
