package io.tapintercom.singer.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.EncodedRecord;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.RecordEncoder;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a raw API record fit its stream's SCHEMA message: only the selected top-level fields, each
 * conformed to its schema (see {@link Conformer}). Compiled once per stream; thread-safe.
 */
public final class RecordTransformer {
    private final String stream;
    private final List<String> keyProperties;
    private final TransformIssues issues;
    /** Each top-level field the schema knows, with what becomes of it: one lookup a field, not three. */
    private final Map<String, Field> fields;

    /** A top-level field: its conformer, whether it goes out, and whether it is part of the key. */
    private record Field(Conformer conformer, boolean selected, boolean key) {}

    private RecordTransformer(String stream, JsonNode schema, Set<String> selected, List<String> keyProperties,
                              TransformIssues issues) {
        this.stream = stream;
        this.keyProperties = List.copyOf(keyProperties);
        this.issues = issues;
        Map<String, Field> compiled = new HashMap<>();
        Conformer.compile(schema).properties().forEach((name, conformer) ->
                compiled.put(name, new Field(conformer, selected.contains(name), keyProperties.contains(name))));
        this.fields = Map.copyOf(compiled);
    }

    /**
     * @param schema   the stream's full schema
     * @param selected the top-level fields that go out; fields outside it are removed silently
     */
    public static RecordTransformer compile(String stream, JsonNode schema, Set<String> selected,
                                            List<String> keyProperties, TransformIssues issues) {
        return new RecordTransformer(stream, schema, selected, keyProperties, issues);
    }

    public ObjectNode transform(JsonNode record) {
        Conformer.Context context = new Conformer.Context(stream, () -> recordId(record), issues);
        ObjectNode out = Json.object();
        forEachSelected(record, (name, value, field) -> out.set(name, field.conformer().conform(value, context)));
        return out;
    }

    /**
     * What {@link #transform} gives, written straight out as the record's JSON, with its key fields: no tree
     * of the output is built. Thread-safe.
     */
    public EncodedRecord encode(JsonNode record, RecordEncoder encoder) {
        Conformer.Context context = new Conformer.Context(stream, () -> recordId(record), issues);
        ObjectNode key = Json.object();
        return encoder.encode(g -> forEachSelected(record, (name, value, field) -> {
            g.writeFieldName(name);
            if (field.key()) {
                // Kept as written, for whoever must remember which records went out.
                JsonNode conformed = field.conformer().conform(value, context);
                key.set(name, conformed);
                RecordEncoder.writeTree(conformed, g);
            } else {
                field.conformer().write(value, g, context);
            }
        }), key);
    }

    /** What is done with a field that goes out. */
    @FunctionalInterface
    private interface SelectedField<E extends Exception> {
        void accept(String name, JsonNode value, Field field) throws E;
    }

    /** Each of the record's fields that goes out, in order; a field the schema does not know is reported, not sent. */
    private <E extends Exception> void forEachSelected(JsonNode record, SelectedField<E> action) throws E {
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Field field = fields.get(entry.getKey());
            if (field == null) {
                issues.unknownField(stream, entry.getKey());
            } else if (field.selected()) {
                action.accept(entry.getKey(), entry.getValue(), field);
            }
        }
    }

    public List<String> keyProperties() {
        return keyProperties;
    }

    private String recordId(JsonNode record) {
        StringBuilder id = new StringBuilder();
        for (String key : keyProperties) {
            if (id.length() > 0) {
                id.append('/');
            }
            id.append(record.path(key).asText("?"));
        }
        return id.length() == 0 ? "?" : id.toString();
    }
}
