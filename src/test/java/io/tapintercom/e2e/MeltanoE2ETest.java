package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.singer.Json;
import io.tapintercom.testing.LauncherJvm;
import io.tapintercom.testing.LocalWireMock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What Meltano and people running the tap by hand rely on: --about, --test, settings from the environment. */
class MeltanoE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;

    @BeforeEach
    void stubIntercom() {
        intercom.stubFor(get(urlPathEqualTo("/admins")).willReturn(okJson(Fixtures.list("admin.list", "admins",
                List.of(Fixtures.load("admin"), Fixtures.object("admin", "2", 0))).toString())));
        intercom.stubFor(get(urlPathEqualTo("/teams")).willReturn(okJson(Fixtures.list("team.list", "teams",
                List.of(Fixtures.load("team"))).toString())));
        intercom.stubFor(post(urlPathEqualTo("/conversations/search")).willReturn(okJson(Fixtures.searchPage(
                "conversation.list", "conversations", List.of(Fixtures.object("conversation", "11", 1780000000L),
                        Fixtures.object("conversation", "12", 1780000100L)), 1, 1, 2, null).toString())));
        intercom.stubFor(get(urlPathMatching("/conversations/1[12]")).willReturn(okJson(conversationWithParts().toString())));
    }

    private static JsonNode conversationWithParts() {
        var conversation = Fixtures.object("conversation", "11", 1780000000L);
        var parts = conversation.putObject("conversation_parts").put("type", "conversation_part.list");
        parts.putArray("conversation_parts").add(Fixtures.load("conversation_part")).add(Fixtures.object("conversation_part", "2", 0));
        parts.put("total_count", 2);
        return conversation;
    }

    @Test
    void aboutNeedsNoConfigAndItsJsonSettingsAreAJsonSchemaWithTheTokenMarkedSecret() throws Exception {
        TapRun.Result json = TapRun.tap().run("--about", "--format", "json");

        assertEquals(0, json.exit(), json.toString());
        JsonNode about = json.json();
        assertEquals("tap-intercom", about.path("name").asText());
        assertEquals(List.of("catalog", "discover", "state", "about", "test", "activate-version"),
                Json.stringList(about.get("capabilities")));
        JsonNode settings = about.get("settings");
        assertTrue(JsonSchemaFactory.byDefault().getSyntaxValidator().schemaIsValid(settings), settings.toString());
        assertTrue(settings.path("properties").path("access_token").path("secret").asBoolean());
        assertTrue(settings.path("properties").path("access_token").path("writeOnly").asBoolean());
        assertEquals("date-time", settings.path("properties").path("start_date").path("format").asText());
        assertEquals("[\"access_token\"]", settings.path("required").toString());

        TapRun.Result text = TapRun.tap().run("--about");
        assertEquals(0, text.exit());
        assertTrue(text.stdout().startsWith("Name: tap-intercom\n"), text.stdout());
        assertTrue(text.stdout().contains("    Environment Variable: TAP_INTERCOM_ACCESS_TOKEN\n"), text.stdout());

        TapRun.Result markdown = TapRun.tap().run("--about", "--format=markdown");
        assertEquals(0, markdown.exit());
        assertTrue(markdown.stdout().contains("| Setting | Required | Default | Description |"), markdown.stdout());
        assertTrue(markdown.stdout().contains("| access_token | True | None |"), markdown.stdout());
    }

    @Test
    void withTheLaunchersJvmOptionsStdoutHoldsOnlyTheTapsJson() throws Exception {
        // PrintCommandLineFlags stands for any output of the JVM's own, which it prints on stdout by default.
        Process about = LauncherJvm.tap(List.of("-XX:+PrintCommandLineFlags"), "--about", "--format", "json")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String stdout = new String(about.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(about.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, about.exitValue());
        // The whole of stdout is the one JSON document: nothing the JVM prints comes before or after it.
        assertEquals("tap-intercom", Json.MAPPER.readTree(stdout).path("name").asText(), stdout);
        assertTrue(stdout.startsWith("{"), stdout);
    }

    @Test
    void helpAndVersionAnswerOnStdoutWithNoConfig() {
        TapRun.Result version = TapRun.tap().run("--version");
        assertEquals(0, version.exit());
        assertEquals("tap-intercom 0.1.0\n", version.stdout());

        TapRun.Result help = TapRun.tap().run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.stdout().startsWith("usage: tap-intercom --config CONFIG"), help.stdout());
        assertTrue(help.stdout().contains("--discover"), help.stdout());
        assertEquals("", help.stderr());
    }

    @Test
    void testModeEmitsOneRecordPerSelectedStreamAndNoState() {
        String config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()));
        String catalog = catalog(config, Set.of("admins", "conversations", "conversation_parts"));

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog, "--test");

        assertEquals(0, result.exit(), result.toString());
        assertEquals(1, result.records("admins").size());
        assertEquals(1, result.records("conversations").size());
        assertEquals(1, result.records("conversation_parts").size());
        assertTrue(result.ofType("STATE").isEmpty(), result.stdout());
        assertTrue(result.ofType("ACTIVATE_VERSION").isEmpty(), "a test run must never tell targets to drop rows");
        SchemaCheck.assertValid(result);
    }

    @Test
    void testSchemaModeEmitsOnlySchemasAndMakesNoRequest() {
        String config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()));
        String catalog = catalog(config, Set.of("admins", "teams"));
        intercom.resetRequests();

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog, "--test=schema");

        assertEquals(0, result.exit(), result.toString());
        assertEquals(List.of("SCHEMA", "SCHEMA"), result.messages().stream().map(m -> m.path("type").asText()).toList());
        assertEquals(0, intercom.getAllServeEvents().size());
    }

    @Test
    void settingsComeFromLaterFilesThenTheEnvironmentAndVariablesAreExpanded() {
        String base = E2E.write(dir, "base.json", Json.object().put("access_token", "${MY_INTERCOM_TOKEN}")
                .put("base_url", "https://wrong.example.com").put("type_custom_attributes", false));
        String override = E2E.write(dir, "override.json", Json.object().put("base_url", "https://still-wrong.example.com"));
        String plain = E2E.write(dir, "plain.json", E2E.config(intercom.baseUrl()));
        String catalog = E2E.write(dir, "catalog.json", E2E.select(discovered(plain), Set.of("admins")));

        TapRun.Result result = TapRun.tap()
                .env("MY_INTERCOM_TOKEN", E2E.TOKEN)
                .env("TAP_INTERCOM_BASE_URL", intercom.baseUrl())
                .env("TAP_INTERCOM_MAX_CONCURRENCY", "3")
                .run("--config", base, "--config", override, "--config", "ENV", "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        assertEquals(2, result.records("admins").size());
        intercom.verify(getRequestedFor(urlPathEqualTo("/admins")).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + E2E.TOKEN)));
        assertFalse(result.stderr().contains(E2E.TOKEN));
    }

    @Test
    void anEnvironmentOnlyConfigWorksAndAMissingTokenIsNamed() {
        TapRun.Result missing = TapRun.tap().env("TAP_INTERCOM_BASE_URL", intercom.baseUrl())
                .run("--config", "ENV", "--discover");
        assertEquals(2, missing.exit());
        assertEquals("CRITICAL config: access_token is missing\n", missing.stderr());

        TapRun.Result discovered = TapRun.tap().env("TAP_INTERCOM_ACCESS_TOKEN", E2E.TOKEN)
                .env("TAP_INTERCOM_BASE_URL", intercom.baseUrl()).env("TAP_INTERCOM_TYPE_CUSTOM_ATTRIBUTES", "false")
                .run("--config", "ENV", "--discover");
        assertEquals(0, discovered.exit(), discovered.toString());
        assertTrue(discovered.json().path("streams").size() > 10);
    }

    private String catalog(String config, Set<String> streams) {
        return E2E.write(dir, "catalog.json", E2E.select(discovered(config), streams));
    }

    private static JsonNode discovered(String config) {
        TapRun.Result result = TapRun.tap().run("--config", config, "--discover");
        assertEquals(0, result.exit(), result.toString());
        return result.json();
    }
}
