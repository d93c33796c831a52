package io.tapintercom.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.report.LogLevel;
import com.github.fge.jsonschema.core.report.ProcessingMessage;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchema;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import io.tapintercom.singer.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The settings' JSON Schema (src/main/resources/config.schema.json): the single description of every
 * setting, used to validate a config, to cast environment strings, and to answer --about.
 */
public final class ConfigSchema {
    private static final String RESOURCE = "/config.schema.json";
    private final ObjectNode json;
    private final JsonSchema validator;

    private ConfigSchema(ObjectNode json) {
        this.json = json;
        try {
            this.validator = JsonSchemaFactory.byDefault().getJsonSchema(withoutFormats(json));
        } catch (ProcessingException e) {
            throw new IllegalStateException("config.schema.json is not a valid JSON Schema", e);
        }
    }

    public static ConfigSchema load() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            return new ConfigSchema((ObjectNode) Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("config.schema.json is missing from the jar", e);
        }
    }

    public ObjectNode json() {
        return json.deepCopy();
    }

    public List<String> settingNames() {
        List<String> names = new ArrayList<>();
        json.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    public boolean isSecret(String setting) {
        return json.path("properties").path(setting).path("secret").asBoolean(false);
    }

    /**
     * Casts string values to the type their setting declares, when they parse cleanly: environment
     * variables are always strings, and older configs wrote "300" for request_timeout.
     */
    public ObjectNode coerce(ObjectNode settings) {
        ObjectNode out = settings.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = out.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String type = json.path("properties").path(field.getKey()).path("type").asText("");
            if (field.getValue().isTextual()) {
                JsonNode cast = cast(field.getValue().asText().trim(), type);
                if (cast != null) {
                    field.setValue(cast);
                }
            }
        }
        return out;
    }

    private static JsonNode cast(String text, String type) {
        try {
            switch (type) {
                case "integer": return Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(text).intValueExact());
                case "number": return Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(text));
                case "boolean":
                    if (text.matches("(?i)true|1|yes|on")) {
                        return Json.MAPPER.getNodeFactory().booleanNode(true);
                    }
                    return text.matches("(?i)false|0|no|off") ? Json.MAPPER.getNodeFactory().booleanNode(false) : null;
                default: return null;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** The settings with every absent one that has a "default" in the schema set to it: one source of defaults. */
    public ObjectNode withDefaults(ObjectNode settings) {
        ObjectNode out = settings.deepCopy();
        json.path("properties").fields().forEachRemaining(field -> {
            if (!out.has(field.getKey()) && field.getValue().has("default")) {
                out.set(field.getKey(), field.getValue().get("default"));
            }
        });
        return out;
    }

    /** One line per problem, each naming the setting; never quoting a secret's value. */
    public List<String> validate(ObjectNode settings) {
        ProcessingReport report;
        try {
            report = validator.validate(settings, true);
        } catch (ProcessingException e) {
            return List.of("config: could not be validated: " + e.getProcessingMessage().getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (ProcessingMessage message : report) {
            if (message.getLogLevel().compareTo(LogLevel.ERROR) >= 0) {
                problems.add(describe(message.asJson()));
            }
        }
        return problems;
    }

    private String describe(JsonNode message) {
        String key = message.path("instance").path("pointer").asText("").replaceFirst("^/", "").replace('/', '.');
        String keyword = message.path("keyword").asText("");
        switch (keyword) {
            case "required":
                return "config: " + String.join(", ", Json.stringList(message.get("missing"))) + " is missing";
            case "type":
                return "config: " + key + " must be " + article(message.path("expected").path(0).asText())
                        + " (found " + message.path("found").asText() + ")";
            case "enum":
                return "config: " + key + " " + quoted(key, message.get("value")) + " is not one of "
                        + String.join(", ", Json.stringList(message.get("enum")));
            case "minimum":
                return "config: " + key + " must be " + (message.path("exclusiveMinimum").asBoolean() ? "more than " : "at least ")
                        + message.path("minimum").asText();
            case "maximum":
                return "config: " + key + " must be at most " + message.path("maximum").asText();
            case "minLength":
                return "config: " + key + " is empty";
            default:
                return "config: " + key + ": " + message.path("message").asText();
        }
    }

    private String quoted(String key, JsonNode value) {
        return isSecret(key) || value == null ? "value" : value.toString();
    }

    private static String article(String type) {
        return (type.startsWith("i") ? "an " : "a ") + type;
    }

    /** start_date also takes YYYY-MM-DD, which "format: date-time" would refuse; it is checked by hand. */
    private static JsonNode withoutFormats(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        copy.path("properties").forEach(property -> ((ObjectNode) property).remove("format"));
        return copy;
    }
}
