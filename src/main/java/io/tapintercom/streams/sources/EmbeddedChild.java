package io.tapintercom.streams.sources;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import io.tapintercom.streams.ChildSource;
import io.tapintercom.streams.ParentRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A link table taken from a list inside records already read, at no request of its own: the items at
 * {@code listPointer} (a JSON Pointer such as /tags/data) of the parent record as its stream writes it
 * (enriched: a contact's complete lists), or of each row of another child (the attachments of each
 * conversation part). Each item becomes a row carrying fields of the record it came from (the parent's
 * key and updated_at); items without an id of their own get their {@code position} in the list, and a
 * list of plain values (a team's admin_ids) gives one row per value under {@code valueField}.
 */
public final class EmbeddedChild implements ChildSource {
    /** The row field holding an item's place in its list, for items with no id of their own. */
    public static final String POSITION = "position";

    private final ChildSource rowsOf;
    /** Compiled once, not for every parent: the compiling showed in a profile of the sync. */
    private final JsonPointer listPointer;
    private final Map<String, String> carried;
    private final boolean positioned;
    private final String valueField;

    private EmbeddedChild(ChildSource rowsOf, JsonPointer listPointer, Map<String, String> carried, boolean positioned,
                          String valueField) {
        this.rowsOf = rowsOf;
        this.listPointer = listPointer;
        this.carried = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(carried));
        this.positioned = positioned;
        this.valueField = valueField;
    }

    /** The list at {@code listPointer} in the (enriched) parent record. */
    public static EmbeddedChild inParent(String listPointer) {
        return new EmbeddedChild(null, JsonPointer.compile(listPointer), Map.of(), false, null);
    }

    /** The list at {@code listPointer} in each row another child source reads for the parent (once for both). */
    public static EmbeddedChild inRowsOf(ChildSource source, String listPointer) {
        return new EmbeddedChild(source, JsonPointer.compile(listPointer), Map.of(), false, null);
    }

    /** Copies {@code sourceField} of the record the list sits in into each row as {@code field}. */
    public EmbeddedChild carrying(String field, String sourceField) {
        Map<String, String> more = new LinkedHashMap<>(carried);
        more.put(field, sourceField);
        return new EmbeddedChild(rowsOf, listPointer, more, positioned, valueField);
    }

    /** Numbers the items (0, 1, ...) in {@link #POSITION}: their key, when they have no id. */
    public EmbeddedChild positioned() {
        return new EmbeddedChild(rowsOf, listPointer, carried, true, valueField);
    }

    /** For a list of plain values: each value, as text, under {@code field}. */
    public EmbeddedChild valuesAs(String field) {
        return new EmbeddedChild(rowsOf, listPointer, carried, positioned, field);
    }

    @Override
    public boolean requestsPerParent() {
        return rowsOf != null && rowsOf.requestsPerParent();
    }

    @Override
    public boolean needed(JsonNode parent) {
        return rowsOf == null || rowsOf.needed(parent);
    }

    @Override
    public List<JsonNode> fetch(ParentRecord parent) {
        List<JsonNode> sources = rowsOf == null ? List.of(parent.enriched()) : parent.rowsOf(rowsOf);
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode source : sources) {
            int position = 0;
            for (JsonNode item : source.at(listPointer)) {
                if (!item.isObject() && valueField == null) {
                    continue;
                }
                ObjectNode row = item.isObject() ? Json.shallowCopy(item) : Json.object().put(valueField, item.asText());
                carried.forEach((field, sourceField) -> row.set(field, valueOf(source.get(sourceField))));
                if (positioned) {
                    row.put(POSITION, position);
                }
                position++;
                rows.add(row);
            }
        }
        return rows;
    }

    /** A field of the record a row comes from, shared as read (see Json.shallowCopy); null when it has none. */
    static JsonNode valueOf(JsonNode value) {
        return value == null ? NullNode.getInstance() : value;
    }
}
