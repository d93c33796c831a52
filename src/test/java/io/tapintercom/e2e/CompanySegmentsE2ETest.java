package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tapintercom.e2e.ChildStreamFixtures.T0;
import static io.tapintercom.e2e.ChildStreamFixtures.company;
import static io.tapintercom.e2e.ChildStreamFixtures.iso;
import static io.tapintercom.e2e.ChildStreamFixtures.json;
import static io.tapintercom.e2e.ChildStreamFixtures.labelled;
import static io.tapintercom.e2e.ChildStreamFixtures.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * company_segments and company_tags as a user runs them: taken from the lists each company embeds in
 * the scroll (complete lists: Intercom's company object has no has_more), keyed company_id + id, with
 * no request per company; selected with or without companies; bookmarks follow the companies'.
 */
class CompanySegmentsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    private static final Map<String, String> LABELS = Map.of("companies", "id", "company_segments", "company_id",
            "company_tags", "company_id");

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void writeConfig() {
        config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()));
    }

    /**
     * The scroll: a first page without scroll_param, then pages asked for with scroll_param=abc (the
     * param stays the same from page to page), the last one empty.
     */
    private void stubScroll(List<List<ObjectNode>> pages) {
        intercom.stubFor(get(urlPathEqualTo("/companies/scroll")).withQueryParam("scroll_param", absent())
                .willReturn(okJson(scrollPage(pages.get(0)))));
        String state = Scenario.STARTED;
        for (int i = 1; i <= pages.size(); i++) {
            String body = scrollPage(i < pages.size() ? pages.get(i) : List.of());
            String next = "page " + (i + 1);
            intercom.stubFor(get(urlPathEqualTo("/companies/scroll")).withQueryParam("scroll_param", equalTo("abc"))
                    .inScenario("scroll").whenScenarioStateIs(state).willSetStateTo(next).willReturn(okJson(body)));
            state = next;
        }
    }

    private static String scrollPage(List<ObjectNode> companies) {
        ObjectNode body = Fixtures.list("list", "data", companies);
        body.putNull("pages");
        body.putNull("total_count");
        body.put("scroll_param", "abc");
        return body.toString();
    }

    /** The company with exactly these segments embedded, as the scroll lists it. */
    private static ObjectNode withSegments(ObjectNode company, ObjectNode... segments) {
        ObjectNode list = company.putObject("segments").put("type", "segment.list");
        list.putArray("segments").addAll(List.of(segments));
        return company;
    }

    private static ObjectNode withTags(ObjectNode company, String... tagIds) {
        ObjectNode list = company.putObject("tags").put("type", "tag.list");
        for (String id : tagIds) {
            list.withArray("tags").addObject().put("type", "tag").put("id", id).put("name", "Tag " + id);
        }
        return company;
    }

    /** No request but the scroll's pages: no company's segments or tags are asked for. */
    private static void assertOnlyTheScroll(int pages) {
        List<String> requests = ChildStreamFixtures.requests(intercom);
        assertEquals(pages + 1, requests.size(), requests.toString());
        assertTrue(requests.stream().allMatch(r -> r.startsWith("GET /companies/scroll")), requests.toString());
    }

    @Test
    void eachCompanysEmbeddedSegmentsAndTagsAreRowsWithNoRequestPerCompany() {
        ObjectNode active = segment("seg-active", "Active");
        ObjectNode paying = segment("seg-paying", "Paying");
        ObjectNode co1 = withTags(withSegments(company("co1", T0), active, paying), "t1");
        ObjectNode co2 = withTags(withSegments(company("co2", T0 + 50)));
        ObjectNode co3 = withTags(withSegments(company("co3", T0 + 20), active), "t1", "t2");
        stubScroll(List.of(List.of(co1, co2), List.of(co3)));
        String catalog = ChildStreamFixtures.catalog(dir, config, "companies", "company_segments", "company_tags");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of(
                "GET /companies/scroll", "GET /companies/scroll?scroll_param=abc", "GET /companies/scroll?scroll_param=abc"),
                ChildStreamFixtures.requests(intercom));
        assertEquals(List.of("STATE", "SCHEMA:companies", "SCHEMA:company_tags", "SCHEMA:company_segments",
                // No request per company, so nothing waits for the scroll's end: each company's rows follow it.
                "RECORD:companies:co1", "RECORD:company_tags:co1", "RECORD:company_segments:co1", "RECORD:company_segments:co1",
                "RECORD:companies:co2",
                "RECORD:companies:co3", "RECORD:company_tags:co3", "RECORD:company_tags:co3", "RECORD:company_segments:co3",
                "STATE", "STATE"), labelled(result, LABELS));
        assertEquals("[\"company_id\",\"id\"]", result.schema("company_segments").path("key_properties").toString());
        assertEquals("[\"company_id\",\"id\"]", result.schema("company_tags").path("key_properties").toString());
        assertEquals("[\"company_updated_at\"]", result.schema("company_segments").path("bookmark_properties").toString());
        // The same segment under two companies is two rows: the key is (company_id, id).
        String time = iso(1_734_537_820L);
        assertEquals(List.of(
                json("{\"company_id\":\"co1\",\"type\":\"segment\",\"id\":\"seg-active\",\"name\":\"Active\",\"created_at\":\"" + time
                        + "\",\"updated_at\":\"" + time + "\",\"person_type\":\"user\",\"count\":3,\"company_updated_at\":\"" + iso(T0) + "\"}"),
                json("{\"company_id\":\"co1\",\"type\":\"segment\",\"id\":\"seg-paying\",\"name\":\"Paying\",\"created_at\":\"" + time
                        + "\",\"updated_at\":\"" + time + "\",\"person_type\":\"user\",\"count\":3,\"company_updated_at\":\"" + iso(T0) + "\"}"),
                json("{\"company_id\":\"co3\",\"type\":\"segment\",\"id\":\"seg-active\",\"name\":\"Active\",\"created_at\":\"" + time
                        + "\",\"updated_at\":\"" + time + "\",\"person_type\":\"user\",\"count\":3,\"company_updated_at\":\"" + iso(T0 + 20) + "\"}")),
                result.records("company_segments"));
        assertEquals("2024-12-18T16:03:40.000000Z", time);
        assertEquals(List.of(
                json("{\"company_id\":\"co1\",\"type\":\"tag\",\"id\":\"t1\",\"name\":\"Tag t1\",\"company_updated_at\":\"" + iso(T0) + "\"}"),
                json("{\"company_id\":\"co3\",\"type\":\"tag\",\"id\":\"t1\",\"name\":\"Tag t1\",\"company_updated_at\":\"" + iso(T0 + 20) + "\"}"),
                json("{\"company_id\":\"co3\",\"type\":\"tag\",\"id\":\"t2\",\"name\":\"Tag t2\",\"company_updated_at\":\"" + iso(T0 + 20) + "\"}")),
                result.records("company_tags"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"companies\":{\"updated_at\":\"" + iso(T0 + 50) + "\"},"
                + "\"company_tags\":{\"updated_at\":\"" + iso(T0 + 50) + "\"},"
                + "\"company_segments\":{\"updated_at\":\"" + iso(T0 + 50) + "\"}}}"), result.lastState());
    }

    @Test
    void segmentsSelectedWithoutCompaniesEmitNoCompany() {
        stubScroll(List.of(List.of(withSegments(company("co1", T0), segment("s1", "One")),
                withSegments(company("co2", T0 + 5), segment("s2", "Two"), segment("s3", "Three")))));
        String catalog = ChildStreamFixtures.catalog(dir, config, "company_segments");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertOnlyTheScroll(1);
        assertEquals(List.of("STATE", "SCHEMA:company_segments",
                "RECORD:company_segments:co1", "RECORD:company_segments:co2", "RECORD:company_segments:co2",
                "STATE", "STATE"), labelled(result, LABELS));
        assertEquals(List.of("s1", "s2", "s3"), result.ids("company_segments"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"company_segments\":{\"updated_at\":\"" + iso(T0 + 5) + "\"}}}"), result.lastState());
    }

    @Test
    void theNextSyncTakesOnlyTheSegmentsOfCompaniesChangedSinceTheBookmark() {
        stubScroll(List.of(List.of(withSegments(company("old", T0 - 86_400), segment("s0", "Zero")),
                withSegments(company("new", T0 + 5), segment("s1", "One")))));
        String catalog = ChildStreamFixtures.catalog(dir, config, "company_segments");
        String noReplay = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()).put("attribution_window_days", 0));
        String state = E2E.write(dir, "state.json", json("{\"bookmarks\":{\"company_segments\":{\"updated_at\":\"" + iso(T0) + "\"}}}"));

        TapRun.Result result = TapRun.tap().run("--config", noReplay, "--catalog", catalog, "--state", state);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("s1"), result.ids("company_segments"));
        intercom.verify(0, getRequestedFor(urlPathMatching("/companies/[^/]+/segments")));
        assertEquals(iso(T0 + 5), result.lastState().path("bookmarks").path("company_segments").path("updated_at").asText());
    }
}
