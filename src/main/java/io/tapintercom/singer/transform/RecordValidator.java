package io.tapintercom.singer.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.report.LogLevel;
import com.github.fge.jsonschema.core.report.ProcessingMessage;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchema;
import com.github.fge.jsonschema.main.JsonSchemaFactory;

/** Checks records against their SCHEMA message's schema, as singer-check-tap would; fails on the first mismatch. */
public final class RecordValidator {
    private final String stream;
    private final JsonSchema schema;

    public RecordValidator(String stream, JsonNode schema) {
        this.stream = stream;
        JsonSchemaFactory factory = JsonSchemaFactory.byDefault();
        // getJsonSchema checks nothing of the schema's syntax: a broken schema ("type": "strin") surfaced only
        // at the first record, as a multi-line "cannot continue" mismatch. Check it here, before any output.
        for (ProcessingMessage message : factory.getSyntaxValidator().validateSchema(schema)) {
            if (message.getLogLevel().compareTo(LogLevel.ERROR) >= 0) {
                JsonNode json = message.asJson();
                throw new IllegalArgumentException("the schema of stream " + stream + " is not a valid JSON Schema at "
                        + json.path("schema").path("pointer").asText("/") + ": " + json.path("message").asText());
            }
        }
        try {
            this.schema = factory.getJsonSchema(schema);
        } catch (ProcessingException e) {
            throw new IllegalArgumentException("the schema of stream " + stream + " is not a valid JSON Schema: "
                    + e.getProcessingMessage().getMessage());
        }
    }

    public void validate(JsonNode record) {
        ProcessingReport report;
        try {
            report = schema.validate(record, true);
        } catch (ProcessingException e) {
            throw new RecordMismatchException("stream " + stream + ": a record could not be validated: "
                    + e.getProcessingMessage().getMessage());
        }
        for (ProcessingMessage message : report) {
            if (message.getLogLevel().compareTo(LogLevel.ERROR) >= 0) {
                JsonNode json = message.asJson();
                throw new RecordMismatchException("stream " + stream + ": record " + record.path("id").asText("?")
                        + " does not match its SCHEMA at " + json.path("instance").path("pointer").asText("/")
                        + ": " + json.path("message").asText());
            }
        }
    }

    /** A record that does not match its schema while validate_records is on. */
    public static final class RecordMismatchException extends RuntimeException {
        public RecordMismatchException(String message) {
            super(message);
        }
    }
}
