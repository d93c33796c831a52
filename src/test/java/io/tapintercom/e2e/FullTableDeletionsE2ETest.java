package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tapintercom.e2e.ChildStreamFixtures.dataList;
import static io.tapintercom.e2e.ChildStreamFixtures.json;
import static io.tapintercom.e2e.ChildStreamFixtures.kinds;
import static io.tapintercom.e2e.ChildStreamFixtures.numberedPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Full-table streams report what disappeared: a record present at the last complete sync and missing
 * now comes once as a RECORD with its key and _sdc_deleted_at (the sync's time), after the stream's
 * records and before its final ACTIVATE_VERSION. First syncs, --test runs and partial syncs report none.
 */
class FullTableDeletionsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    private static final Instant SECOND = TapRun.NOW.plus(Duration.ofDays(1));
    private static final Instant THIRD = TapRun.NOW.plus(Duration.ofDays(2));

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void setUp() {
        config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()));
    }

    private static ObjectNode tag(String id, String name) {
        return Fixtures.load("tag").put("id", id).put("name", name);
    }

    private void tags(ObjectNode... tags) {
        intercom.stubFor(get(urlPathEqualTo("/tags")).willReturn(okJson(dataList(List.of(tags)))));
    }

    private TapRun.Result sync(Instant at, String catalog, JsonNode state, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--config", config, "--catalog", catalog));
        if (state != null) {
            args.add("--state");
            args.add(E2E.write(dir, "state-" + at.toEpochMilli() + ".json", state));
        }
        args.addAll(List.of(extra));
        TapRun.Result result = TapRun.tap().at(at).run(args.toArray(String[]::new));
        SchemaCheck.assertValid(result);
        return result;
    }

    @Test
    void aTagRemovedBetweenTwoSyncsComesBackOnceAsADeletionAndNotAgain() {
        String catalog = ChildStreamFixtures.catalog(dir, config, "tags");
        tags(tag("101", "vip"), tag("102", "churned"), tag("103", "beta"));
        TapRun.Result first = sync(TapRun.NOW, catalog, null);
        assertEquals(0, first.exit(), first.toString());
        assertEquals(List.of("101", "102", "103"), first.ids("tags"));
        assertTrue(first.records("tags").stream().noneMatch(r -> r.has("_sdc_deleted_at")), "a first sync reports no deletions");
        assertEquals("[\"101\",\"102\",\"103\"]", first.lastState().path("bookmarks").path("tags").path("seen_keys").toString());

        tags(tag("101", "vip"), tag("103", "beta"));
        TapRun.Result second = sync(SECOND, catalog, first.lastState());

        assertEquals(0, second.exit(), second.toString());
        assertEquals(List.of("STATE", "SCHEMA:tags", "RECORD:tags", "RECORD:tags", "RECORD:tags", "ACTIVATE_VERSION:tags", "STATE",
                "STATE"), kinds(second));
        assertEquals(List.of(json("{\"id\":\"102\",\"_sdc_deleted_at\":\"2026-11-02T12:00:00.000000Z\"}")),
                second.records("tags").subList(2, 3));
        JsonNode deletion = second.ofType("RECORD").get(2);
        assertEquals(SECOND.toEpochMilli(), deletion.path("version").asLong(), "a deletion belongs to the sync's table version");
        assertEquals("[\"101\",\"103\"]", second.lastState().path("bookmarks").path("tags").path("seen_keys").toString());
        JsonNode schema = second.schema("tags").path("schema").path("properties").path("_sdc_deleted_at");
        assertEquals(json("{\"type\":[\"null\",\"string\"],\"format\":\"date-time\"}"), schema);

        TapRun.Result third = sync(THIRD, catalog, second.lastState());

        assertEquals(0, third.exit(), third.toString());
        assertEquals(List.of("101", "103"), third.ids("tags"));
        assertTrue(third.records("tags").stream().noneMatch(r -> r.has("_sdc_deleted_at")), "reported once, not again");
    }

    @Test
    void aTestRunReportsNoDeletionsAndKeepsNothing() {
        String catalog = ChildStreamFixtures.catalog(dir, config, "tags");
        tags(tag("101", "vip"), tag("102", "churned"));
        TapRun.Result first = sync(TapRun.NOW, catalog, null);
        tags(tag("101", "vip"));

        TapRun.Result test = sync(SECOND, catalog, first.lastState(), "--test");

        assertEquals(0, test.exit(), test.toString());
        assertEquals(List.of("101"), test.ids("tags"));
        assertTrue(test.ofType("STATE").isEmpty());
        TapRun.Result real = sync(THIRD, catalog, first.lastState());
        assertEquals(List.of("101", "102"), real.ids("tags"), "the deletion is still reported by the next real sync");
        assertTrue(real.records("tags").get(1).has("_sdc_deleted_at"));
    }

    @Test
    void dataAttributesAreReportedByTheirFullName() {
        String catalog = ChildStreamFixtures.catalog(dir, config, "contact_attributes");
        ObjectNode name = Fixtures.load("data_attribute").put("full_name", "name").put("name", "name");
        ObjectNode plan = Fixtures.load("data_attribute").put("full_name", "custom_attributes.plan").put("name", "plan");
        stubAttributes(name, plan);
        TapRun.Result first = sync(TapRun.NOW, catalog, null);
        stubAttributes(name);

        TapRun.Result second = sync(SECOND, catalog, first.lastState());

        assertEquals(0, second.exit(), second.toString());
        assertEquals(json("{\"full_name\":\"custom_attributes.plan\",\"_sdc_deleted_at\":\"2026-11-02T12:00:00.000000Z\"}"),
                second.records("contact_attributes").get(1));
    }

    private void stubAttributes(ObjectNode... attributes) {
        intercom.stubFor(get(urlPathEqualTo("/data_attributes")).withQueryParam("model", equalTo("contact"))
                .willReturn(okJson(dataList(List.of(attributes)))));
    }

    /**
     * A sync that fails on the second page has seen only the first: it reports nothing and keeps the
     * last complete sync's keys, so the sync after it compares with those, not with a half list.
     */
    @Test
    void aSyncCutShortReportsNothingAndTheNextComparesWithTheLastCompleteOne() {
        String catalog = ChildStreamFixtures.catalog(dir, config, "help_center_collections");
        ObjectNode a = Fixtures.load("collection").put("id", "1");
        ObjectNode b = Fixtures.load("collection").put("id", "2");
        ObjectNode c = Fixtures.load("collection").put("id", "3");
        collections(numberedPage(List.of(a, b), 1, 2, 3, 150), okJson(numberedPage(List.of(c), 2, 2, 3, 150)));
        TapRun.Result first = sync(TapRun.NOW, catalog, null);
        assertEquals(List.of("1", "2", "3"), first.ids("help_center_collections"));

        collections(numberedPage(List.of(a), 1, 2, 2, 150), aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error.list\",\"errors\":[{\"code\":\"forbidden\",\"message\":\"no\"}]}"));
        TapRun.Result cut = sync(SECOND, catalog, first.lastState());
        assertEquals(1, cut.exit(), cut.toString());
        assertEquals(List.of("1"), cut.ids("help_center_collections"));
        assertTrue(cut.records("help_center_collections").stream().noneMatch(r -> r.has("_sdc_deleted_at")),
                "2 and 3 were never read, not deleted");

        collections(numberedPage(List.of(a), 1, 2, 2, 150), okJson(numberedPage(List.of(c), 2, 2, 2, 150)));
        TapRun.Result resumed = sync(THIRD, catalog, cut.lastState());

        assertEquals(0, resumed.exit(), resumed.toString());
        assertEquals(List.of("1", "3", "2"), resumed.ids("help_center_collections"));
        assertEquals(json("{\"id\":\"2\",\"_sdc_deleted_at\":\"2026-11-03T12:00:00.000000Z\"}"),
                resumed.records("help_center_collections").get(2));
    }

    private void collections(String firstPage, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder secondPage) {
        intercom.stubFor(get(urlPathEqualTo("/help_center/collections")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(firstPage)));
        intercom.stubFor(get(urlPathEqualTo("/help_center/collections")).withQueryParam("page", equalTo("2"))
                .willReturn(secondPage));
    }
}
