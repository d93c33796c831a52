package io.tapintercom.streams;

import java.util.List;

/**
 * Everything the tap knows about one stream besides its schema (schemas/NAME.json): its key, how it
 * is replicated, and how its records are read. A top-level stream has a {@link RecordSource}; a child
 * stream names its parent and has a {@link ChildSource}.
 */
public record StreamDefinition(String name, List<String> keyProperties, Replication replication, RecordSource source,
                               String parent, ChildSource childSource, RecordEnricher enricher) {
    public StreamDefinition {
        keyProperties = List.copyOf(keyProperties);
    }

    public static StreamDefinition fullTable(String name, RecordSource source) {
        return new StreamDefinition(name, List.of("id"), Replication.fullTable(), source, null, null, RecordEnricher.NONE);
    }

    public static StreamDefinition incremental(String name, String replicationKey, RecordSource source) {
        return new StreamDefinition(name, List.of("id"), Replication.incremental(replicationKey), source, null, null,
                RecordEnricher.NONE);
    }

    /**
     * A stream read per parent record. It is incremental when its parent is: its bookmark, saved under
     * the parent's key, says up to where every parent's children have been read.
     * @param replicationKey the child's own field holding the parent's value, or null if it has none
     */
    public static StreamDefinition child(String name, StreamDefinition parent, String replicationKey, ChildSource source) {
        Replication replication = parent.replication().isIncremental()
                ? new Replication(Replication.Method.INCREMENTAL, replicationKey, parent.replication().bookmarkKey())
                : Replication.fullTable();
        return new StreamDefinition(name, List.of("id"), replication, null, parent.name(), source, RecordEnricher.NONE);
    }

    public StreamDefinition keys(String... keys) {
        return new StreamDefinition(name, List.of(keys), replication, source, parent, childSource, enricher);
    }

    public StreamDefinition enrichedBy(RecordEnricher newEnricher) {
        return new StreamDefinition(name, keyProperties, replication, source, parent, childSource, newEnricher);
    }

    /**
     * Whether RECORDs marking deletions ({@code _sdc_deleted_at}) can come on this stream: a full-table
     * stream's records missing since its last complete sync.
     */
    public boolean carriesDeletions() {
        return !replication.isIncremental();
    }

    public boolean isChild() {
        return parent != null;
    }

    /** The field the SCHEMA's bookmark_properties and the catalog's valid-replication-keys name. */
    public List<String> replicationKeys() {
        return replication.replicationKey() == null ? List.of() : List.of(replication.replicationKey());
    }

    public String schemaResource() {
        return "/schemas/" + name + ".json";
    }
}
