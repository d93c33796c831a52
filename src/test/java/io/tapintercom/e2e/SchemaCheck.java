package io.tapintercom.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.fge.jsonschema.main.JsonSchema;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a run's output as singer-check-tap would: every RECORD comes after its stream's SCHEMA and
 * validates against it, with json-schema-validator.
 */
public final class SchemaCheck {
    private SchemaCheck() {}

    public static void assertValid(TapRun.Result result) {
        Map<String, JsonSchema> schemas = new HashMap<>();
        int records = 0;
        for (JsonNode message : result.messages()) {
            String type = message.path("type").asText();
            String stream = message.path("stream").asText();
            try {
                if (type.equals("SCHEMA")) {
                    assertNotNull(message.get("key_properties"), "SCHEMA of " + stream + " lacks key_properties");
                    schemas.put(stream, JsonSchemaFactory.byDefault().getJsonSchema(message.get("schema")));
                } else if (type.equals("RECORD")) {
                    JsonSchema schema = schemas.get(stream);
                    if (schema == null) {
                        fail("RECORD of " + stream + " before its SCHEMA");
                    }
                    ProcessingReport report = schema.validate(message.get("record"), true);
                    if (!report.isSuccess()) {
                        fail("RECORD of " + stream + " does not match its SCHEMA: " + report + "\nrecord: " + message.get("record"));
                    }
                    records++;
                }
            } catch (com.github.fge.jsonschema.core.exceptions.ProcessingException e) {
                fail("invalid schema for " + stream + ": " + e.getMessage());
            }
        }
        if (records == 0 && !result.ofType("RECORD").isEmpty()) {
            fail("records were not checked");
        }
    }
}
