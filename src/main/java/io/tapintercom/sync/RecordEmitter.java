package io.tapintercom.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.MessageWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Writes a group's RECORDs, in the order given, counting them per stream for progress, stamping
 * full-table records with the run's version, and stopping at the record limit of a --test run.
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
            emit(root, expansion.root(), extracted);
        }
        expansion.children().forEach((child, rows) -> rows.forEach(row -> emit(child, row, extracted)));
    }

    private void emit(StreamPlan plan, ObjectNode record, String extracted) {
        Progress counter = progress.get(plan.name());
        if (recordLimit > 0 && counter.count() >= recordLimit) {
            return;
        }
        writer.record(plan.name(), record, extracted, plan.incremental() ? null : version);
        counter.add(1);
        if (deletions != null) {
            deletions.saw(plan, record);
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
