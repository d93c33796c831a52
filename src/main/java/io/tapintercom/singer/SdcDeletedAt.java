package io.tapintercom.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The {@code _sdc_deleted_at} column, the Stitch convention Singer loaders honour for deletions
 * (pipelinewise's hard_delete removes rows where it is set; otherwise it stays as a soft-delete flag).
 * A deletion is a RECORD holding the key and this column, nothing else.
 */
public final class SdcDeletedAt {
    public static final String FIELD = "_sdc_deleted_at";

    private SdcDeletedAt() {}

    /** Declares the column, a nullable date-time, in a stream's schema (in place). */
    public static void declareIn(ObjectNode schema) {
        JsonNode properties = schema.get("properties");
        ObjectNode target = properties instanceof ObjectNode ? (ObjectNode) properties : schema.putObject("properties");
        if (!target.has(FIELD)) {
            ObjectNode column = target.putObject(FIELD);
            column.putArray("type").add("null").add("string");
            column.put("format", "date-time");
        }
    }

    /** Stamps a record holding only its key as deleted at {@code at}. */
    public static ObjectNode stamp(ObjectNode keyOnly, Instant at) {
        return keyOnly.put(FIELD, DateTimes.format(at));
    }
}
