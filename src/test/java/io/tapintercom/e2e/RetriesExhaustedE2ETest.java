package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** When Intercom keeps failing a request past max_retries: one clear line, exit 1, and a STATE that is still valid. */
class RetriesExhaustedE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;

    @Test
    void aPageThatKeepsFailingStopsTheSyncWithTheStateOfThePagesBeforeIt() {
        String config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()).put("max_retries", 2));
        String catalog = E2E.write(dir, "catalog.json",
                E2E.select(TapRun.tap().run("--config", config, "--discover").json(), Set.of("conversations")));
        intercom.stubFor(post(urlPathEqualTo("/conversations/search"))
                .withRequestBody(matchingJsonPath("$.pagination.starting_after", absent()))
                .willReturn(okJson(Fixtures.searchPage("conversation.list", "conversations",
                        List.of(Fixtures.object("conversation", "1", 1780000000L), Fixtures.object("conversation", "2", 1780000500L)),
                        1, 2, 4, "page-2").toString())));
        intercom.stubFor(post(urlPathEqualTo("/conversations/search"))
                .withRequestBody(matchingJsonPath("$.pagination.starting_after", equalTo("page-2")))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"error.list\",\"errors\":[{\"code\":\"service_unavailable\",\"message\":\"Sorry, try again\"}]}")));

        TapRun run = TapRun.tap();
        TapRun.Result result = run.run("--config", config, "--catalog", catalog);

        assertEquals(1, result.exit(), result.toString());
        assertTrue(result.stderr().contains("CRITICAL POST /conversations/search failed after 3 attempts; last: "
                + "503 service_unavailable: Sorry, try again"), result.stderr());
        assertEquals(List.of("1", "2"), result.ids("conversations"));
        assertEquals("2026-05-28T20:35:00.000000Z",
                result.lastState().path("bookmarks").path("conversations").path("updated_at").asText());
        assertEquals("conversations", result.lastState().path("currently_syncing").asText());
        assertEquals(2, run.sleeps().size(), "two backoffs between three attempts: " + run.sleeps());
        intercom.verify(3, postRequestedFor(urlPathEqualTo("/conversations/search"))
                .withRequestBody(matchingJsonPath("$.pagination.starting_after", equalTo("page-2"))));
        SchemaCheck.assertValid(result);
    }
}
