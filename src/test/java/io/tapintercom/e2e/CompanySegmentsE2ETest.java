package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tapintercom.e2e.ChildStreamFixtures.T0;
import static io.tapintercom.e2e.ChildStreamFixtures.company;
import static io.tapintercom.e2e.ChildStreamFixtures.dataList;
import static io.tapintercom.e2e.ChildStreamFixtures.iso;
import static io.tapintercom.e2e.ChildStreamFixtures.json;
import static io.tapintercom.e2e.ChildStreamFixtures.labelled;
import static io.tapintercom.e2e.ChildStreamFixtures.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * company_segments (GET /companies/{id}/segments per company, keyed company_id + id) as a user runs
 * it: the company scroll runs to its end first, then the per-company requests; selected with or
 * without companies; its bookmark follows the companies'.
 */
class CompanySegmentsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final Map<String, String> LABELS = Map.of("companies", "id", "company_segments", "company_id");

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

    private void stubSegments(String companyId, ObjectNode... segments) {
        intercom.stubFor(get(urlPathEqualTo("/companies/" + companyId + "/segments"))
                .willReturn(okJson(dataList(List.of(segments)))));
    }

    @Test
    void theScrollRunsToItsEndBeforeAnyCompanysSegmentsAreRequested() {
        ObjectNode co1 = company("co1", T0);
        ObjectNode co2 = company("co2", T0 + 50);
        ObjectNode co3 = company("co3", T0 + 20);
        stubScroll(List.of(List.of(co1, co2), List.of(co3)));
        ObjectNode active = segment("seg-active", "Active");
        ObjectNode paying = segment("seg-paying", "Paying");
        stubSegments("co1", active, paying);
        stubSegments("co2");
        stubSegments("co3", active);
        String catalog = ChildStreamFixtures.catalog(dir, config, "companies", "company_segments");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of(
                "GET /companies/scroll", "GET /companies/scroll?scroll_param=abc", "GET /companies/scroll?scroll_param=abc",
                "GET /companies/co1/segments", "GET /companies/co2/segments", "GET /companies/co3/segments"),
                sortedWithinPhases(ChildStreamFixtures.requests(intercom)));
        assertEquals(List.of("STATE", "SCHEMA:companies", "SCHEMA:company_segments",
                "RECORD:companies:co1", "RECORD:companies:co2", "RECORD:companies:co3",
                "RECORD:company_segments:co1", "RECORD:company_segments:co1", "RECORD:company_segments:co3",
                "STATE", "STATE"), labelled(result, LABELS));
        assertEquals("[\"company_id\",\"id\"]", result.schema("company_segments").path("key_properties").toString());
        // The same segment under two companies is two rows: the key is (company_id, id).
        String time = iso(1_734_537_820L);
        assertEquals(List.of(
                json("{\"company_id\":\"co1\",\"type\":\"segment\",\"id\":\"seg-active\",\"name\":\"Active\",\"created_at\":\"" + time
                        + "\",\"updated_at\":\"" + time + "\",\"person_type\":\"user\",\"count\":3}"),
                json("{\"company_id\":\"co1\",\"type\":\"segment\",\"id\":\"seg-paying\",\"name\":\"Paying\",\"created_at\":\"" + time
                        + "\",\"updated_at\":\"" + time + "\",\"person_type\":\"user\",\"count\":3}"),
                json("{\"company_id\":\"co3\",\"type\":\"segment\",\"id\":\"seg-active\",\"name\":\"Active\",\"created_at\":\"" + time
                        + "\",\"updated_at\":\"" + time + "\",\"person_type\":\"user\",\"count\":3}")),
                result.records("company_segments"));
        assertEquals("2024-12-18T16:03:40.000000Z", time);
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"companies\":{\"updated_at\":\"" + iso(T0 + 50) + "\"},"
                + "\"company_segments\":{\"updated_at\":\"" + iso(T0 + 50) + "\"}}}"), result.lastState());
    }

    @Test
    void segmentsSelectedWithoutCompaniesEmitNoCompany() {
        stubScroll(List.of(List.of(company("co1", T0), company("co2", T0 + 5))));
        stubSegments("co1", segment("s1", "One"));
        stubSegments("co2", segment("s2", "Two"), segment("s3", "Three"));
        String catalog = ChildStreamFixtures.catalog(dir, config, "company_segments");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("STATE", "SCHEMA:company_segments",
                "RECORD:company_segments:co1", "RECORD:company_segments:co2", "RECORD:company_segments:co2",
                "STATE", "STATE"), labelled(result, LABELS));
        assertEquals(List.of("s1", "s2", "s3"), result.ids("company_segments"));
        assertEquals(json("{\"currently_syncing\":null,\"bookmarks\":{"
                + "\"company_segments\":{\"updated_at\":\"" + iso(T0 + 5) + "\"}}}"), result.lastState());
    }

    @Test
    void theNextSyncAsksOnlyForTheSegmentsOfCompaniesChangedSinceTheBookmark() {
        stubScroll(List.of(List.of(company("old", T0 - 86_400), company("new", T0 + 5))));
        stubSegments("new", segment("s1", "One"));
        String catalog = ChildStreamFixtures.catalog(dir, config, "company_segments");
        String noReplay = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()).put("attribution_window_days", 0));
        String state = E2E.write(dir, "state.json", json("{\"bookmarks\":{\"company_segments\":{\"updated_at\":\"" + iso(T0) + "\"}}}"));

        TapRun.Result result = TapRun.tap().run("--config", noReplay, "--catalog", catalog, "--state", state);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("s1"), result.ids("company_segments"));
        intercom.verify(0, getRequestedFor(urlPathEqualTo("/companies/old/segments")));
        intercom.verify(1, getRequestedFor(urlPathMatching("/companies/[^/]+/segments")));
        assertEquals(iso(T0 + 5), result.lastState().path("bookmarks").path("company_segments").path("updated_at").asText());
    }

    @Test
    void aCompanyDeletedAfterTheScrollIsSkippedWithAWarning() {
        stubScroll(List.of(List.of(company("co1", T0), company("gone", T0 + 1), company("co3", T0 + 2))));
        stubSegments("co1", segment("s1", "One"));
        intercom.stubFor(get(urlPathEqualTo("/companies/gone/segments")).willReturn(ChildStreamFixtures.notFound()));
        stubSegments("co3", segment("s3", "Three"));
        String catalog = ChildStreamFixtures.catalog(dir, config, "companies", "company_segments");

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("co1", "gone", "co3"), result.ids("companies"));
        assertEquals(List.of("co1", "co3"), result.records("company_segments").stream()
                .map(r -> r.path("company_id").asText()).toList());
        assertTrue(result.stderr().lines().anyMatch(l -> l.startsWith(
                "WARNING stream company_segments: companies gone no longer exists (")), result.stderr());
        assertEquals(iso(T0 + 2), result.lastState().path("bookmarks").path("company_segments").path("updated_at").asText());
    }

    /**
     * Requests in the order they were served, except that the per-company ones, which run
     * concurrently, are sorted among themselves: the scroll's pages must all come first.
     */
    private static List<String> sortedWithinPhases(List<String> requests) {
        List<String> scroll = requests.stream().filter(r -> r.startsWith("GET /companies/scroll")).toList();
        List<String> rest = requests.stream().filter(r -> !r.startsWith("GET /companies/scroll")).sorted().toList();
        int lastScroll = requests.lastIndexOf(scroll.get(scroll.size() - 1));
        int firstOther = rest.isEmpty() ? requests.size() : requests.indexOf(requests.stream()
                .filter(r -> !r.startsWith("GET /companies/scroll")).findFirst().orElseThrow());
        assertTrue(lastScroll < firstOther, "a per-company request went out during the scroll: " + requests);
        List<String> out = new java.util.ArrayList<>(scroll);
        out.addAll(rest);
        return out;
    }
}
