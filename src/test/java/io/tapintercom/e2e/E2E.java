package io.tapintercom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Files an end-to-end test hands the tap: configs, catalogs with a chosen selection, states. */
public final class E2E {
    public static final String TOKEN = "e2e-secret-token-0123456789abcdef";

    private E2E() {}

    public static ObjectNode config(String baseUrl) {
        return Json.object().put("access_token", TOKEN).put("base_url", baseUrl).put("start_date", "2020-01-01T00:00:00Z")
                .put("type_custom_attributes", false).put("validate_records", true);
    }

    /**
     * A config reading one stream group at a time (parallel_streams 1): the messages then come in the
     * tap's order of streams, which tests of that exact order rely on.
     */
    public static ObjectNode oneStreamAtATime(ObjectNode config) {
        return config.put("parallel_streams", 1);
    }

    public static String write(Path dir, String name, JsonNode json) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, json.toString());
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writeText(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A discovered catalog with only the named streams selected (as Meltano writes it: explicit flags). */
    public static ObjectNode select(JsonNode catalog, Set<String> streams) {
        ObjectNode copy = catalog.deepCopy();
        for (JsonNode stream : copy.path("streams")) {
            boolean selected = streams.contains(stream.path("stream").asText());
            for (JsonNode entry : stream.path("metadata")) {
                if (entry.path("breadcrumb").isEmpty()) {
                    ((ObjectNode) entry.get("metadata")).put("selected", selected);
                }
            }
        }
        return copy;
    }

    /** Sets "selected": false on one top-level field of one stream. */
    public static ObjectNode deselectField(ObjectNode catalog, String stream, String field) {
        for (JsonNode entry : catalog.path("streams")) {
            if (!entry.path("stream").asText().equals(stream)) {
                continue;
            }
            ArrayNode metadata = (ArrayNode) entry.get("metadata");
            for (JsonNode item : metadata) {
                JsonNode crumb = item.path("breadcrumb");
                if (crumb.size() == 2 && crumb.get(1).asText().equals(field)) {
                    ((ObjectNode) item.get("metadata")).put("selected", false);
                }
            }
        }
        return catalog;
    }
}
