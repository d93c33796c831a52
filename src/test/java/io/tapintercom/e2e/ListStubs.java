package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tapintercom.singer.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The GET-list streams as WireMock stubs: the company scroll (GET /companies/scroll), articles
 * (GET /articles?page=N) and admin activity logs (GET /admins/activity_logs with created_at_after /
 * created_at_before, "next" as a URL). Each stub answers only the exact query the tap must send.
 */
final class ListStubs {
    static final String SCROLL = "/companies/scroll";
    static final String ARTICLES = "/articles";
    static final String ACTIVITY_LOGS = "/admins/activity_logs";

    private ListStubs() {}

    // ---- company scroll -----------------------------------------------------------------------

    /** A scroll response: pages and total_count are always null; an empty data array ends it. */
    static ObjectNode scrollPage(List<ObjectNode> companies, String param) {
        ObjectNode body = Json.object().put("type", "list");
        body.putArray("data").addAll(companies);
        body.putNull("pages");
        body.putNull("total_count");
        body.put("scroll_param", param);
        return body;
    }

    /**
     * A scroll that goes smoothly: the pages, then an empty page. Stateless (a distinct param per page),
     * so stray requests cannot move it on. Returns the queries the tap must send, in order.
     */
    static List<Map<String, String>> scroll(WireMockExtension intercom, List<List<ObjectNode>> pages) {
        List<Map<String, String>> queries = new ArrayList<>();
        String param = null;
        for (int i = 0; i <= pages.size(); i++) {
            String next = "scroll-" + (i + 1);
            List<ObjectNode> data = i < pages.size() ? pages.get(i) : List.of();
            intercom.stubFor(get(urlPathEqualTo(SCROLL)).withQueryParam("scroll_param", param == null ? absent() : equalTo(param))
                    .willReturn(okJson(scrollPage(data, next).toString())));
            queries.add(param == null ? Map.of() : Map.of("scroll_param", param));
            param = next;
        }
        return queries;
    }

    /**
     * A scripted scroll as a WireMock scenario: each step answers one request (the first page's, with
     * no scroll_param, or the given param's) and moves the scenario on, so the same request can be
     * answered differently the second time (a restarted scroll, a scroll that is free again).
     */
    static final class ScrollScript {
        private final WireMockExtension intercom;
        private final String scenario;
        private final List<Map<String, String>> queries = new ArrayList<>();
        private int step;

        ScrollScript(WireMockExtension intercom, String scenario) {
            this.intercom = intercom;
            this.scenario = scenario;
        }

        ScrollScript page(String param, List<ObjectNode> companies, String next) {
            return answer(param, okJson(scrollPage(companies, next).toString()));
        }

        ScrollScript end(String param) {
            return page(param, List.of(), param);
        }

        ScrollScript error(String param, int status, String code, String message) {
            return answer(param, aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody("{\"type\":\"error.list\",\"request_id\":\"e2e-" + step + "\",\"errors\":[{\"code\":\"" + code
                            + "\",\"message\":\"" + message + "\"}]}"));
        }

        private ScrollScript answer(String param, ResponseDefinitionBuilder response) {
            MappingBuilder mapping = get(urlPathEqualTo(SCROLL))
                    .withQueryParam("scroll_param", param == null ? absent() : equalTo(param))
                    .inScenario(scenario).whenScenarioStateIs(step == 0 ? Scenario.STARTED : "step-" + step)
                    .willSetStateTo("step-" + (step + 1)).willReturn(response);
            intercom.stubFor(mapping);
            queries.add(param == null ? Map.of() : Map.of("scroll_param", param));
            step++;
            return this;
        }

        /** The queries of the script's requests, in order: what the tap must have sent. */
        List<Map<String, String>> queries() {
            return queries;
        }
    }

    // ---- articles -------------------------------------------------------------------------------

    /** GET /articles?per_page=150&page=N, page by page (pages.next null: the tap counts to total_pages). */
    static List<Map<String, String>> articles(WireMockExtension intercom, List<List<ObjectNode>> pages) {
        List<Map<String, String>> queries = new ArrayList<>();
        long total = pages.stream().mapToLong(List::size).sum();
        for (int i = 0; i < pages.size(); i++) {
            ObjectNode body = Json.object().put("type", "list");
            body.putObject("pages").put("type", "pages").put("page", i + 1).put("per_page", 150).put("total_pages", pages.size())
                    .putNull("next");
            body.put("total_count", total);
            body.putArray("data").addAll(pages.get(i));
            String page = Integer.toString(i + 1);
            intercom.stubFor(get(urlPathEqualTo(ARTICLES)).withQueryParam("page", equalTo(page))
                    .withQueryParam("per_page", equalTo("150")).willReturn(okJson(body.toString())));
            queries.add(Map.of("page", page, "per_page", "150"));
        }
        return queries;
    }

    // ---- activity logs --------------------------------------------------------------------------

    /**
     * GET /admins/activity_logs for the window [from, to] as epoch seconds, page by page, each page's
     * "next" an absolute URL on api.intercom.io (the tap keeps only its path and query).
     */
    static List<Map<String, String>> activityLogs(WireMockExtension intercom, Instant from, Instant to,
                                                  List<List<ObjectNode>> pages) {
        String after = Long.toString(from.getEpochSecond());
        String before = Long.toString(to.getEpochSecond());
        List<Map<String, String>> queries = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            ObjectNode body = Json.object().put("type", "activity_log.list");
            ObjectNode meta = body.putObject("pages").put("type", "pages").put("page", i + 1).put("per_page", 150)
                    .put("total_pages", pages.size());
            if (i + 1 < pages.size()) {
                meta.put("next", "https://api.intercom.io/admins/activity_logs?created_at_after=" + after
                        + "&created_at_before=" + before + "&page=" + (i + 2) + "&per_page=150");
            } else {
                meta.putNull("next");
            }
            body.putArray("activity_logs").addAll(pages.get(i));
            String page = Integer.toString(i + 1);
            intercom.stubFor(get(urlPathEqualTo(ACTIVITY_LOGS)).withQueryParam("created_at_after", equalTo(after))
                    .withQueryParam("created_at_before", equalTo(before)).withQueryParam("page", equalTo(page))
                    .withQueryParam("per_page", equalTo("150")).willReturn(okJson(body.toString())));
            Map<String, String> query = new LinkedHashMap<>();
            query.put("created_at_after", after);
            query.put("created_at_before", before);
            query.put("page", page);
            query.put("per_page", "150");
            queries.add(query);
        }
        return queries;
    }

    // ---- verification ---------------------------------------------------------------------------

    /** Exactly these GETs of this path (by one User-Agent, if given), in order, each with exactly this query. */
    static void verifyQueries(WireMockExtension intercom, String path, List<Map<String, String>> expected, String userAgent) {
        var pattern = getRequestedFor(urlPathEqualTo(path));
        if (userAgent != null) {
            pattern = pattern.withHeader("User-Agent", equalTo(userAgent));
        }
        List<Map<String, String>> asked = new ArrayList<>();
        for (LoggedRequest request : intercom.findAll(pattern)) {
            asked.add(IncrementalE2E.queryOf(request));
        }
        List<Map<String, String>> wanted = expected.stream().map(q -> (Map<String, String>) new TreeMap<>(q)).toList();
        assertEquals(wanted, asked, "GET " + path);
    }

    static void verifyQueries(WireMockExtension intercom, String path, List<Map<String, String>> expected) {
        verifyQueries(intercom, path, expected, null);
    }
}
