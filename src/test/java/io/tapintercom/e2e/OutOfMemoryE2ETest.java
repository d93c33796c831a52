package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.singer.Json;
import io.tapintercom.testing.LauncherJvm;
import io.tapintercom.testing.LocalWireMock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heap that runs out must end the run, not leave it hung: the threads that meet an OutOfMemoryError die, and the
 * sync would wait for them for ever. The launcher's options say so; here, with a heap too small for one page.
 */
class OutOfMemoryE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;

    @Test
    void aHeapThatRunsOutEndsTheRunWithStatus3AndStdoutStaysSinger() throws Exception {
        // One search page of some 24 MB: more than the whole heap given below.
        List<ObjectNode> conversations = new ArrayList<>();
        String big = "x".repeat(200_000);
        for (int i = 0; i < 120; i++) {
            ObjectNode conversation = Fixtures.object("conversation", "c" + i, 1_780_000_000L + i);
            conversation.put("title", big);
            conversations.add(conversation);
        }
        intercom.stubFor(post(urlPathEqualTo("/conversations/search")).willReturn(okJson(Fixtures.searchPage(
                "conversation.list", "conversations", conversations, 1, 1, conversations.size(), null).toString())));
        String config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()));
        String catalog = E2E.write(dir, "catalog.json", E2E.select(TapRun.tap().run("--config", config, "--discover").json(),
                Set.of("conversations")));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");

        Process tap = LauncherJvm.tap(List.of("-Xms12m", "-Xmx12m", "-Xmn4m"), "--config", config, "--catalog", catalog)
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();

        try {
            assertTrue(tap.waitFor(60, TimeUnit.SECONDS), "the tap hung after its heap ran out");
        } finally {
            tap.destroyForcibly();
        }
        assertEquals(3, tap.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
        assertTrue(Files.readString(stderr, StandardCharsets.UTF_8).contains("Terminating due to java.lang.OutOfMemoryError"));
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        assertTrue(out.isEmpty() || out.endsWith("\n"), "the output ends mid-line");
        for (String line : out.lines().toList()) {
            Json.MAPPER.readTree(line); // every line is a whole JSON message
        }
    }
}
