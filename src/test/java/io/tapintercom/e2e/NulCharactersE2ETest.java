package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** U+0000, which PostgreSQL cannot store, leaves every string by default; strip_nul_characters false keeps it. */
class NulCharactersE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;

    private TapRun.Result sync(Boolean strip) {
        intercom.stubFor(get(urlPathEqualTo("/tags")).willReturn(okJson(ChildStreamFixtures.dataList(List.of(
                Fixtures.load("tag").put("id", "101").put("name", "pasted\u0000 text\u0000"))))));
        var settings = E2E.config(intercom.baseUrl());
        if (strip != null) {
            settings.put("strip_nul_characters", strip);
        }
        String config = E2E.write(dir, "config.json", settings);
        String catalog = ChildStreamFixtures.catalog(dir, config, "tags");
        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);
        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        return result;
    }

    @Test
    void byDefaultNulIsRemovedFromStrings() {
        TapRun.Result result = sync(null);

        assertEquals("pasted text", result.records("tags").get(0).path("name").asText());
        assertFalse(result.stdout().contains("\\u0000"));
    }

    @Test
    void withTheSettingOffStringsPassExactly() {
        TapRun.Result result = sync(false);

        assertEquals("pasted\u0000 text\u0000", result.records("tags").get(0).path("name").asText());
        assertTrue(result.stdout().contains("\"name\":\"pasted\\u0000 text\\u0000\""));
    }
}
