package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.testing.LocalWireMock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery tells the truth: a rejected token, an unknown API version or an unreachable host fail it with
 * the line a sync gives, instead of a catalog typed from nothing. Only a 403/404 on the data-attributes
 * endpoint alone still falls back to open custom_attributes (covered in CustomAttributesE2ETest).
 */
class DiscoveryFailsE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;

    private static String errorBody(String code, String message) {
        return "{\"type\":\"error.list\",\"request_id\":\"r1\",\"errors\":[{\"code\":\"" + code + "\",\"message\":\""
                + message + "\"}]}";
    }

    private TapRun.Result discover(String baseUrl) {
        String config = E2E.write(dir, "config.json", E2E.config(baseUrl).put("type_custom_attributes", true));
        return TapRun.tap().run("--config", config, "--discover");
    }

    private TapRun.Result sync(String baseUrl) {
        String config = E2E.write(dir, "config.json", E2E.config(baseUrl).put("type_custom_attributes", false));
        String catalog = E2E.write(dir, "catalog.json", E2E.select(discoverStatically(baseUrl), Set.of("admins")));
        return TapRun.tap().run("--config", config, "--catalog", catalog);
    }

    private JsonNode discoverStatically(String baseUrl) {
        String config = E2E.write(dir, "static.json", E2E.config(baseUrl));
        return TapRun.tap().run("--config", config, "--discover").json();
    }

    private static void assertFailsWith(TapRun.Result result, String line) {
        assertEquals(1, result.exit(), result.toString());
        List<String> critical = result.stderr().lines().filter(l -> l.startsWith("CRITICAL ")).toList();
        assertEquals(1, critical.size(), result.stderr());
        assertTrue(critical.get(0).contains(line), critical.get(0));
        assertFalse(result.stderr().contains("open objects"), "no fallback: " + result.stderr());
        assertFalse(result.stderr().contains(E2E.TOKEN), result.stderr());
    }

    @Test
    void aRejectedTokenFailsDiscoveryWithTheLineASyncGives() {
        intercom.stubFor(get(urlPathEqualTo("/data_attributes")).willReturn(aResponse().withStatus(401)
                .withBody(errorBody("unauthorized", "Access Token Invalid"))));
        intercom.stubFor(get(urlPathEqualTo("/admins")).willReturn(aResponse().withStatus(401)
                .withBody(errorBody("unauthorized", "Access Token Invalid"))));
        String line = "CRITICAL the Intercom access token was rejected (401 unauthorized: Access Token Invalid);"
                + " check access_token and region";

        TapRun.Result discovery = discover(intercom.baseUrl());
        assertFailsWith(discovery, line);
        assertEquals("", discovery.stdout(), "no catalog");
        assertFailsWith(sync(intercom.baseUrl()), line);
    }

    @Test
    void anUnknownApiVersionFailsDiscovery() {
        intercom.stubFor(get(urlPathEqualTo("/data_attributes")).willReturn(aResponse().withStatus(400)
                .withBody(errorBody("intercom_version_invalid", "The requested version could not be found"))));

        TapRun.Result discovery = discover(intercom.baseUrl());

        assertFailsWith(discovery, "GET /data_attributes failed: 400 intercom_version_invalid");
        assertEquals("", discovery.stdout(), "no catalog");
    }

    @Test
    void anUnreachableHostFailsDiscovery() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = probe.getLocalPort();
        }

        TapRun.Result discovery = discover("http://127.0.0.1:" + closed);

        assertFailsWith(discovery, "GET /data_attributes failed after 4 attempts; last: no response");
        assertEquals("", discovery.stdout(), "no catalog");
    }

    @Test
    void a404OnDataAttributesAloneStillFallsBackToOpenObjects() {
        intercom.stubFor(get(urlPathEqualTo("/data_attributes")).willReturn(aResponse().withStatus(404)
                .withBody(errorBody("not_found", "Resource Not Found"))));

        TapRun.Result result = discover(intercom.baseUrl());

        assertEquals(0, result.exit(), result.toString());
        assertTrue(result.stderr().contains("WARNING custom_attributes are left as open objects"), result.stderr());
    }
}
