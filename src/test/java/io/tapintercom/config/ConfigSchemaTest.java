package io.tapintercom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {
    private final ConfigSchema schema = ConfigSchema.load();

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void namesEverySettingTheLoaderReads() {
        assertEquals(List.of("access_token", "start_date", "region", "api_version", "base_url", "request_timeout",
                "user_agent", "max_retries", "max_rate_limit_wait", "max_concurrency", "parallel_streams", "attribution_window_days",
                "search_page_size", "validate_records", "fetch_contact_details", "type_custom_attributes",
                "strip_nul_characters"), schema.settingNames());
    }

    @Test
    void onlyTheAccessTokenIsSecret() {
        assertTrue(schema.isSecret("access_token"));
        schema.settingNames().stream().filter(name -> !name.equals("access_token"))
                .forEach(name -> assertFalse(schema.isSecret(name), name));
        assertFalse(schema.isSecret("no_such_setting"));
    }

    @Test
    void coercesStringsThatParseCleanlyToTheDeclaredType() {
        ObjectNode out = schema.coerce(json("{'max_retries':'3','request_timeout':' 2.5 ','validate_records':'On',"
                + "'type_custom_attributes':'no','api_version':'2.14','unknown':'7'}"));
        assertTrue(out.get("max_retries").isIntegralNumber());
        assertEquals(3, out.get("max_retries").asInt());
        assertEquals(2.5, out.get("request_timeout").asDouble());
        assertTrue(out.get("validate_records").booleanValue());
        assertFalse(out.get("type_custom_attributes").booleanValue());
        assertTrue(out.get("api_version").isTextual());
        assertTrue(out.get("unknown").isTextual());
    }

    @Test
    void leavesStringsThatDoNotParseForTheValidatorToReport() {
        ObjectNode out = schema.coerce(json("{'max_retries':'lots','search_page_size':'1.5','validate_records':'perhaps',"
                + "'request_timeout':'NaN'}"));
        assertEquals("lots", out.get("max_retries").asText());
        assertEquals("1.5", out.get("search_page_size").asText());
        assertEquals("perhaps", out.get("validate_records").asText());
        assertEquals("NaN", out.get("request_timeout").asText());
    }

    @Test
    void coercionDoesNotChangeItsInput() {
        ObjectNode input = json("{'max_retries':'3'}");
        schema.coerce(input);
        assertTrue(input.get("max_retries").isTextual());
    }

    @Test
    void aValidConfigHasNoProblems() {
        assertEquals(List.of(), schema.validate(json("{'access_token':'abc','region':'au','max_retries':30,"
                + "'request_timeout':0.1,'start_date':'2024-01-31'}")));
    }

    @Test
    void aTokenOfTheWrongTypeIsDescribedWithoutItsValue() {
        List<String> problems = schema.validate(json("{'access_token':['not','a','string']}"));
        assertEquals(List.of("config: access_token must be a string (found array)"), problems);
    }

    @Test
    void changingTheSchemaHandedOutForAboutDoesNotChangeValidation() {
        List<String> settings = schema.settingNames();
        JsonNode copy = schema.json();
        ((ObjectNode) copy).remove("required");
        ((ObjectNode) copy).remove("properties");
        assertEquals(17, settings.size());
        assertEquals(settings, schema.settingNames());
        assertEquals(List.of("config: access_token is missing"), schema.validate(json("{}")));
    }
}
