package io.tapintercom.singer.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.Json;

/** JSON written with single quotes for readability, and compared as JSON. */
final class TransformJson {
    private TransformJson() {}

    /** Equal as JSON: an integer is an integer whether Jackson holds it as an int or a long. */
    static void assertJson(String expected, JsonNode actual) {
        assertEquals(json(expected), json(actual.toString()));
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
