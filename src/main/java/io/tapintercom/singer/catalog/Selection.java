package io.tapintercom.singer.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Singer's selection rules, consistent with the Meltano SDK and with what Meltano writes:
 * a deselected parent deselects its fields; {@code unsupported} is never emitted; {@code automatic}
 * always is; then an explicit {@code selected} wins, then the legacy {@code selected} inside the
 * schema, then {@code selected-by-default}; a field with no opinion follows its parent.
 */
public final class Selection {
    private Selection() {}

    public static boolean isStreamSelected(CatalogEntry entry) {
        return isSelected(entry, Breadcrumb.STREAM);
    }

    public static boolean isSelected(CatalogEntry entry, Breadcrumb breadcrumb) {
        Metadata metadata = entry.metadata();
        if (!breadcrumb.isStream() && !isSelected(entry, breadcrumb.parent())) {
            return false;
        }
        String inclusion = metadata.text(breadcrumb, Metadata.INCLUSION).orElse(null);
        if (Metadata.UNSUPPORTED.equals(inclusion)) {
            return false;
        }
        if (Metadata.AUTOMATIC.equals(inclusion)) {
            return true;
        }
        var explicit = metadata.flag(breadcrumb, Metadata.SELECTED);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        var legacy = Metadata.asFlag(legacySchemaNode(entry, breadcrumb).get("selected"));
        if (legacy.isPresent()) {
            return legacy.get();
        }
        var byDefault = metadata.flag(breadcrumb, Metadata.SELECTED_BY_DEFAULT);
        if (byDefault.isPresent()) {
            return byDefault.get();
        }
        return !breadcrumb.isStream();
    }

    /** The top-level properties of the stream's schema that are selected, in schema order. */
    public static Set<String> selectedProperties(CatalogEntry entry) {
        Set<String> selected = new LinkedHashSet<>();
        JsonNode properties = entry.schema().path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (isSelected(entry, Breadcrumb.property(name))) {
                selected.add(name);
            }
        }
        return selected;
    }

    /** The schema node a breadcrumb points at, where the legacy form kept its "selected" flag. */
    private static JsonNode legacySchemaNode(CatalogEntry entry, Breadcrumb breadcrumb) {
        JsonNode node = entry.schema();
        for (String step : breadcrumb.path()) {
            node = node.path(step);
        }
        return node;
    }
}
