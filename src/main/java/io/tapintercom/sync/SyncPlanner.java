package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.config.BadInputException;
import io.tapintercom.singer.SdcDeletedAt;
import io.tapintercom.singer.catalog.Catalog;
import io.tapintercom.singer.catalog.CatalogEntry;
import io.tapintercom.singer.catalog.Selection;
import io.tapintercom.singer.transform.RecordTransformer;
import io.tapintercom.singer.transform.RecordValidator;
import io.tapintercom.singer.transform.TransformIssues;
import io.tapintercom.streams.StreamDefinition;
import io.tapintercom.streams.Streams;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns a catalog's selection into the groups of streams this run reads, in the tap's order. */
public final class SyncPlanner {
    private final Streams streams;
    private final boolean validateRecords;
    private final TransformIssues issues;

    public SyncPlanner(Streams streams, boolean validateRecords, TransformIssues issues) {
        this.streams = streams;
        this.validateRecords = validateRecords;
        this.issues = issues;
    }

    List<GroupPlan> plan(Catalog catalog) {
        rejectUnknownStreams(catalog);
        List<GroupPlan> groups = new ArrayList<>();
        for (StreamDefinition definition : streams.all()) {
            if (definition.isChild()) {
                continue;
            }
            Optional<CatalogEntry> rootEntry = selected(catalog, definition.name());
            List<StreamPlan> children = new ArrayList<>();
            for (StreamDefinition child : streams.childrenOf(definition.name())) {
                selected(catalog, child.name()).ifPresent(entry -> children.add(emitted(child, entry)));
            }
            if (rootEntry.isPresent()) {
                groups.add(new GroupPlan(emitted(definition, rootEntry.get()), children));
            } else if (!children.isEmpty()) {
                groups.add(new GroupPlan(new StreamPlan(definition, false, null, null, null), children));
            }
        }
        return groups;
    }

    private Optional<CatalogEntry> selected(Catalog catalog, String name) {
        return catalog.find(name).filter(Selection::isStreamSelected);
    }

    private void rejectUnknownStreams(Catalog catalog) {
        List<String> problems = new ArrayList<>();
        for (CatalogEntry entry : catalog.streams()) {
            if (streams.find(entry.tapStreamId()).isEmpty() && Selection.isStreamSelected(entry)) {
                problems.add("catalog: stream \"" + entry.tapStreamId() + "\" is selected but tap-intercom has no such stream"
                        + " (run --discover for the list)");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
    }

    private StreamPlan emitted(StreamDefinition definition, CatalogEntry entry) {
        Set<String> fields = new LinkedHashSet<>(Selection.selectedProperties(entry));
        // Keys and the replication key always go out, whatever the catalog says.
        fields.addAll(definition.keyProperties());
        fields.addAll(definition.replicationKeys());
        ObjectNode full = entry.schema().deepCopy();
        if (definition.carriesDeletions()) {
            // Declared even when the catalog was discovered by an older version, so deletions keep their column.
            SdcDeletedAt.declareIn(full);
            fields.add(SdcDeletedAt.FIELD);
        }
        ObjectNode schema = schemaOf(full, fields);
        RecordTransformer transformer = RecordTransformer.compile(definition.name(), full, fields,
                definition.keyProperties(), issues);
        RecordValidator validator = validateRecords ? new RecordValidator(definition.name(), schema) : null;
        return new StreamPlan(definition, true, schema, transformer, validator);
    }

    /** The catalog's schema with only the fields that go out: what the SCHEMA message says. */
    static ObjectNode schemaOf(ObjectNode fullSchema, Set<String> fields) {
        ObjectNode schema = fullSchema.deepCopy();
        JsonNode properties = schema.get("properties");
        if (properties instanceof ObjectNode) {
            ((ObjectNode) properties).retain(fields);
        }
        schema.remove("selected");
        return schema;
    }
}
