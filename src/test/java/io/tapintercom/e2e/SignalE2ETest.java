package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.singer.Json;
import io.tapintercom.testing.LauncherJvm;
import io.tapintercom.testing.LocalWireMock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a sync, on a real process: the output must end in a complete line, the last
 * STATE must be valid, and the exit status non-zero.
 */
class SignalE2ETest {
    private static final int PAGES = 40;

    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;

    @Test
    void sigtermMidSyncLeavesCompleteLinesAndAValidLastState() throws Exception {
        stubSlowSearch();
        String config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()));
        String catalog = E2E.write(dir, "catalog.json", E2E.select(TapRun.tap().run("--config", config, "--discover").json(),
                Set.of("conversations")));
        // With the launcher's JVM options: one of them once put a JVM warning on stdout, before the first message.
        Process tap = LauncherJvm.tap("--config", config, "--catalog", catalog)
                .redirectError(dir.resolve("stderr.txt").toFile()).start();

        List<String> lines = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(tap.getInputStream(), StandardCharsets.UTF_8))) {
            int states = 0;
            String line;
            while (states < 3 && (line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("{\"type\":\"STATE\"")) {
                    states++;
                }
            }
            // kill(1), not Process.destroy(): destroy also closes our end of the pipe, hiding what came after.
            new ProcessBuilder("kill", "-TERM", Long.toString(tap.pid())).inheritIO().start().waitFor();
            char[] buffer = new char[8192];
            for (int n; (n = out.read(buffer)) > 0; ) {
                raw.append(buffer, 0, n);
            }
        }
        assertTrue(tap.waitFor(30, TimeUnit.SECONDS), "the tap did not stop after SIGTERM");

        assertNotEquals(0, tap.exitValue());
        assertTrue(raw.length() == 0 || raw.charAt(raw.length() - 1) == '\n', "the output ends mid-line: " + raw);
        raw.toString().lines().forEach(lines::add);
        JsonNode lastState = null;
        for (String line : lines) {
            JsonNode message = Json.MAPPER.readTree(line); // every line is a whole JSON message
            if (message.path("type").asText().equals("STATE")) {
                lastState = message.get("value");
            }
        }
        assertTrue(lastState != null && lastState.path("bookmarks").path("conversations").has("updated_at"),
                String.valueOf(lastState));
        assertTrue(lines.size() < PAGES * 10, "the sync should have been stopped before its end");
    }

    /** A long conversations search: PAGES pages of 10, each served after a delay. */
    private static void stubSlowSearch() {
        long base = 1_780_000_000L;
        for (int page = 0; page < PAGES; page++) {
            List<ObjectNode> conversations = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                conversations.add(Fixtures.object("conversation", page + "-" + i, base + page * 100L + i));
            }
            String next = page + 1 < PAGES ? "cursor-" + (page + 1) : null;
            var request = post(urlPathEqualTo("/conversations/search"));
            request = page == 0
                    ? request.withRequestBody(matchingJsonPath("$.pagination.starting_after", absent()))
                    : request.withRequestBody(matchingJsonPath("$.pagination.starting_after", equalTo("cursor-" + page)));
            intercom.stubFor(request.willReturn(okJson(Fixtures.searchPage("conversation.list", "conversations",
                    conversations, page + 1, PAGES, PAGES * 10L, next).toString()).withFixedDelay(150)));
        }
    }
}
