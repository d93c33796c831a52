package io.tapintercom.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.singer.Json;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** custom_attributes typed from the workspace's data attributes at discovery, and records conformed to them. */
class CustomAttributesE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;

    private static ObjectNode attribute(String name, String type, boolean custom) {
        ObjectNode attribute = Fixtures.load("data_attribute").put("name", name).put("data_type", type).put("custom", custom)
                .put("full_name", custom ? "custom_attributes." + name : name).put("model", "contact");
        if (!custom) {
            attribute.remove("id");
        }
        return attribute;
    }

    private void stubAttributes() {
        intercom.stubFor(get(urlPathEqualTo("/data_attributes")).withQueryParam("model", equalTo("contact"))
                .withQueryParam("include_archived", equalTo("true"))
                .willReturn(okJson(Fixtures.list("list", "data", List.of(attribute("email", "string", false),
                        attribute("plan_seats", "integer", true), attribute("churn risk", "float", true),
                        attribute("trial_ends", "date", true), attribute("vip", "boolean", true))).toString())));
        for (String model : List.of("company", "conversation")) {
            intercom.stubFor(get(urlPathEqualTo("/data_attributes")).withQueryParam("model", equalTo(model))
                    .willReturn(okJson(Fixtures.list("list", "data", List.of(attribute("name", "string", false))).toString())));
        }
    }

    @Test
    void discoveryTypesEachCustomAttributeAndStillAllowsNewOnes() {
        stubAttributes();
        String config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()).put("type_custom_attributes", true));

        TapRun.Result result = TapRun.tap().run("--config", config, "--discover");

        assertEquals(0, result.exit(), result.toString());
        JsonNode custom = customAttributes(result.json(), "contacts");
        assertEquals(Json.MAPPER.valueToTree(List.of("null", "integer")), custom.path("properties").path("plan_seats").path("type"));
        assertEquals(Json.MAPPER.valueToTree(List.of("null", "number")), custom.path("properties").path("churn risk").path("type"));
        assertEquals("date-time", custom.path("properties").path("trial_ends").path("format").asText());
        assertEquals(Json.MAPPER.valueToTree(List.of("null", "boolean")), custom.path("properties").path("vip").path("type"));
        assertTrue(custom.path("additionalProperties").asBoolean(), custom.toString());
        assertEquals(4, custom.path("properties").size(), "only custom attributes are typed: " + custom);
        assertTrue(result.stderr().contains("typed 4 custom attributes"), result.stderr());
    }

    @Test
    void recordsAreConformedToTheTypedAttributesAndUnknownOnesPassThrough() {
        stubAttributes();
        String config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()).put("type_custom_attributes", true));
        TapRun.Result discovered = TapRun.tap().run("--config", config, "--discover");
        String catalog = E2E.write(dir, "catalog.json", E2E.select(discovered.json(), Set.of("contacts")));
        ObjectNode contact = Fixtures.object("contact", "c1", 1780000000L);
        contact.putObject("custom_attributes").put("plan_seats", 12.0).put("churn risk", 0.25).put("trial_ends", 1780000000L)
                .put("vip", true).put("created_after_discovery", "kept as is");
        intercom.stubFor(post(urlPathEqualTo("/contacts/search")).willReturn(okJson(
                Fixtures.searchPage("list", "data", List.of(contact), 1, 1, 1, null).toString())));

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(0, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        JsonNode attributes = result.records("contacts").get(0).path("custom_attributes");
        assertEquals("{\"plan_seats\":12,\"churn risk\":0.25,\"trial_ends\":\"2026-05-28T20:26:40.000000Z\",\"vip\":true,"
                + "\"created_after_discovery\":\"kept as is\"}", attributes.toString());
    }

    @Test
    void withoutAccessToDataAttributesDiscoveryFallsBackToAnOpenObjectAndSaysSo() {
        intercom.stubFor(get(urlPathEqualTo("/data_attributes")).willReturn(aResponse().withStatus(403)
                .withBody("{\"type\":\"error.list\",\"errors\":[{\"code\":\"forbidden\",\"message\":\"missing scope\"}]}")));
        String config = E2E.write(dir, "config.json", E2E.config(intercom.baseUrl()).put("type_custom_attributes", true));

        TapRun.Result result = TapRun.tap().run("--config", config, "--discover");

        assertEquals(0, result.exit(), result.toString());
        JsonNode custom = customAttributes(result.json(), "contacts");
        assertEquals(0, custom.path("properties").size());
        assertTrue(custom.path("additionalProperties").asBoolean());
        assertTrue(result.stderr().contains("WARNING custom_attributes are left as open objects"), result.stderr());
    }

    private static JsonNode customAttributes(JsonNode catalog, String stream) {
        for (JsonNode entry : catalog.path("streams")) {
            if (entry.path("stream").asText().equals(stream)) {
                return entry.path("schema").path("properties").path("custom_attributes");
            }
        }
        throw new AssertionError("no " + stream);
    }
}
