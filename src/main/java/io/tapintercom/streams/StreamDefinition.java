package io.tapintercom.streams;

import java.util.List;

/**
 * Everything the tap knows about one stream besides its schema (schemas/SCHEMA.json, where SCHEMA is
 * the stream's name unless it shares another's): its key, how it is replicated, and how its records
 * are read. A top-level stream has a {@link RecordSource}; a child stream names its parent and has a
 * {@link ChildSource}. The name is given once: the factories label the source's requests with it.
 *
 * @param selectedByDefault whether a catalog that says nothing about the stream selects it (false for
 *                          streams that cost a request per parent, and for alternatives to another stream)
 * @param deletionFeed      where Intercom lists the stream's deleted records, or null
 */
public record StreamDefinition(String name, List<String> keyProperties, Replication replication, RecordSource source,
                               String parent, ChildSource childSource, RecordEnricher enricher, String schema,
                               boolean selectedByDefault, DeletionFeed deletionFeed) {
    public StreamDefinition {
        keyProperties = List.copyOf(keyProperties);
    }

    public static StreamDefinition fullTable(String name, RecordSource source) {
        return new StreamDefinition(name, List.of("id"), Replication.fullTable(), named(source, name), null, null,
                RecordEnricher.NONE, name, true, null);
    }

    public static StreamDefinition incremental(String name, String replicationKey, RecordSource source) {
        return new StreamDefinition(name, List.of("id"), Replication.incremental(replicationKey), named(source, name), null,
                null, RecordEnricher.NONE, name, true, null);
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
        return new StreamDefinition(name, List.of("id"), replication, null, parent.name(), source.named(name),
                RecordEnricher.NONE, name, true, null);
    }

    /** The source labelled with the stream's name; none in unit tests that need no reading. */
    private static RecordSource named(RecordSource source, String name) {
        return source == null ? null : source.named(name);
    }

    public StreamDefinition keys(String... keys) {
        return new StreamDefinition(name, List.of(keys), replication, source, parent, childSource, enricher, schema,
                selectedByDefault, deletionFeed);
    }

    public StreamDefinition enrichedBy(RecordEnricher newEnricher) {
        return new StreamDefinition(name, keyProperties, replication, source, parent, childSource, newEnricher, schema,
                selectedByDefault, deletionFeed);
    }

    /** The stream's records have the shape of another stream's: it uses that stream's schema file. */
    public StreamDefinition schemaOf(StreamDefinition other) {
        return new StreamDefinition(name, keyProperties, replication, source, parent, childSource, enricher, other.schema(),
                selectedByDefault, deletionFeed);
    }

    /** Not selected unless the catalog selects it. */
    public StreamDefinition notSelectedByDefault() {
        return new StreamDefinition(name, keyProperties, replication, source, parent, childSource, enricher, schema, false,
                deletionFeed);
    }

    /** Deletions of this stream's records are also read from {@code feed}. */
    public StreamDefinition deletedVia(DeletionFeed feed) {
        return new StreamDefinition(name, keyProperties, replication, source, parent, childSource, enricher, schema,
                selectedByDefault, feed);
    }

    /**
     * Whether RECORDs marking deletions ({@code _sdc_deleted_at}) can come on this stream: a full-table
     * stream's records missing since its last complete sync, those its deletion feed lists, and those
     * found gone when read whole.
     */
    public boolean carriesDeletions() {
        return !replication.isIncremental() || deletionFeed != null || enricher.findsGone();
    }

    public boolean isChild() {
        return parent != null;
    }

    /** The field the SCHEMA's bookmark_properties and the catalog's valid-replication-keys name. */
    public List<String> replicationKeys() {
        return replication.replicationKey() == null ? List.of() : List.of(replication.replicationKey());
    }

    public String schemaResource() {
        return "/schemas/" + schema + ".json";
    }
}
