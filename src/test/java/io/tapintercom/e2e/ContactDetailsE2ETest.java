package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tapintercom.e2e.ChildStreamFixtures.iso;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** fetch_contact_details: the fields contact search leaves out, read from GET /contacts/{id} when asked for. */
class ContactDetailsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;

    @BeforeEach
    void stubSearchAndDetails() {
        ObjectNode fromSearch = Fixtures.object("contact", "c1", 1780000000L);
        ObjectNode deleted = Fixtures.object("contact", "c2", 1780000100L);
        for (String field : List.of("utm_source", "utm_campaign", "referrer", "enabled_push_messaging")) {
            fromSearch.remove(field);
            deleted.remove(field);
        }
        intercom.stubFor(post(urlPathEqualTo("/contacts/search")).willReturn(okJson(
                Fixtures.searchPage("list", "data", List.of(fromSearch, deleted), 1, 1, 2, null).toString())));
        ObjectNode full = Fixtures.object("contact", "c1", 1780000000L).put("utm_source", "newsletter")
                .put("utm_campaign", "spring").put("referrer", "https://example.com/pricing").put("enabled_push_messaging", true);
        intercom.stubFor(get(urlPathEqualTo("/contacts/c1")).willReturn(okJson(full.toString())));
        intercom.stubFor(get(urlPathEqualTo("/contacts/c2")).willReturn(aResponse().withStatus(404)
                .withBody("{\"type\":\"error.list\",\"errors\":[{\"code\":\"not_found\",\"message\":\"User Not Found\"}]}")));
    }

    private TapRun.Result sync(boolean details) {
        String config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()).put("fetch_contact_details", details));
        String catalog = E2E.write(dir, "catalog.json",
                E2E.select(TapRun.tap().run("--config", config, "--discover").json(), Set.of("contacts")));
        return TapRun.tap().run("--config", config, "--catalog", catalog);
    }

    @Test
    void withDetailsEachContactIsReadWholeAndOneThatAnswers404IsWrittenAsDeleted() {
        TapRun.Result result = sync(true);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        JsonNode c1 = result.records("contacts").get(0);
        assertEquals("newsletter", c1.path("utm_source").asText());
        assertEquals("https://example.com/pricing", c1.path("referrer").asText());
        assertTrue(c1.path("enabled_push_messaging").asBoolean());
        // Merged or deleted since the search: a deletion record (key and _sdc_deleted_at, the sync's time), nothing else.
        JsonNode c2 = result.records("contacts").get(1);
        assertEquals(ChildStreamFixtures.json("{\"id\":\"c2\",\"_sdc_deleted_at\":\"2026-11-01T12:00:00.000000Z\"}"), c2);
        assertTrue(result.stderr().contains("WARNING contact c2 no longer exists"), result.stderr());
        assertEquals(iso(1780000100L), result.lastState().path("bookmarks").path("contacts").path("updated_at").asText(),
                "the bookmark moves past the deleted contact like any other");
    }

    @Test
    void withoutDetailsNoContactIsReadOneByOne() {
        TapRun.Result result = sync(false);

        assertEquals(0, result.exit(), result.toString());
        assertEquals(List.of("c1", "c2"), result.ids("contacts"));
        assertFalse(result.records("contacts").get(0).has("utm_source"));
        intercom.verify(0, getRequestedFor(urlPathMatching("/contacts/c.*")));
    }
}
