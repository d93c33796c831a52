package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.EncodedRecord;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.MessageWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Writes a group's RECORDs, in the order given, counting them per stream for progress, stamping
 * full-table records with the run's version, and stopping at the record limit of a --test run.
 * A record without its key is never written: a target could not tell it from any other, and a
 * bookmark moved past it would lose it for good. The group fails instead, naming where the record
 * was (the other groups go on; the next run reads it again from the last STATE).
 */
final class RecordEmitter {
    private final MessageWriter writer;
    private final Long version;
    private final int recordLimit;
    private final Map<String, Progress> progress = new HashMap<>();
    /** Told of every record written, for full-table deletions; null when none are tracked. */
    private final FullTableDeletions deletions;

    RecordEmitter(MessageWriter writer, Clock clock, Logger log, List<StreamPlan> streams, Long version, int recordLimit,
                  FullTableDeletions deletions) {
        this.writer = writer;
        this.deletions = deletions;
        this.version = version;
        this.recordLimit = recordLimit;
        streams.forEach(plan -> progress.put(plan.name(), new Progress(plan.name(), clock, log)));
    }

    void write(StreamPlan root, ParentExpander.Expansion expansion, String extracted) {
        if (expansion.root() != null) {
            emit(root, expansion.root(), extracted, expansion.parent()::describe);
        }
        expansion.children().forEach((child, rows) -> {
            for (int i = 0; i < rows.size(); i++) {
                int index = i + 1;
                emit(child, rows.get(i), extracted, () -> "record " + index + " read for " + root.name() + " "
                        + expansion.parent().id() + " (" + expansion.parent().describe() + ")");
            }
        });
    }

    private void emit(StreamPlan plan, EncodedRecord record, String extracted, Supplier<String> where) {
        Progress counter = progress.get(plan.name());
        if (recordLimit > 0 && counter.count() >= recordLimit) {
            return;
        }
        for (String key : plan.definition().keyProperties()) {
            JsonNode value = record.key().get(key);
            if (value == null || value.isNull()) {
                throw new SyncException("stream " + plan.name() + ": " + where.get() + " has no \"" + key
                        + "\"; a record without its key cannot be written, so the stream stops here (the STATE written"
                        + " so far is valid and no bookmark moved past it)");
            }
        }
        writer.record(plan.name(), record, extracted, plan.incremental() ? null : version);
        counter.add(1);
        if (deletions != null) {
            deletions.saw(plan, record.key());
        }
    }

    /** Intercom's total for the read, when it gives one, for the share shown in progress lines. */
    void expectTotal(OptionalLong total) {
        progress.values().forEach(p -> p.expectTotal(total));
    }

    void finish() {
        progress.values().forEach(Progress::finish);
    }
}
