package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.singer.SdcDeletedAt;
import io.tapintercom.singer.state.State;
import io.tapintercom.streams.DeletionFeed;
import java.time.Instant;
import java.util.List;

/**
 * Deletions Intercom lists for an incremental stream (its {@link DeletionFeed}): after the stream's
 * records, every record deleted since the last sync is written as its key and {@code _sdc_deleted_at}
 * (when Intercom deleted it), and the stream's {@value #BOOKMARK} bookmark moves to the sync's start.
 * The windows are (bookmark, signpost]: each deletion comes once. A first sync only sets the bookmark
 * (nothing deleted before it was ever copied), at its start, so a first sync killed and resumed still
 * reports what was deleted meanwhile; state from before this feature reads from start_date.
 */
final class FeedDeletions {
    static final String BOOKMARK = "deleted_at";

    private final List<StreamPlan> plans;

    FeedDeletions(List<StreamPlan> emitted, boolean testRun) {
        this.plans = testRun ? List.of() : emitted.stream().filter(p -> p.definition().deletionFeed() != null).toList();
    }

    /** Before the stream's first record: a stream never synced starts its deletions at this sync. */
    void start(SyncContext ctx) {
        for (StreamPlan plan : plans) {
            State state = ctx.state().current();
            String key = plan.definition().replication().bookmarkKey();
            if (state.bookmark(plan.name(), BOOKMARK).isEmpty() && (key == null || state.bookmark(plan.name(), key).isEmpty())) {
                ctx.state().update(s -> s.withBookmark(plan.name(), BOOKMARK, signpost(ctx)));
            }
        }
    }

    /** After the stream's records: its deletions since the bookmark, then the bookmark at the signpost. */
    void report(SyncContext ctx) {
        Instant until = ctx.settings().signpost();
        for (StreamPlan plan : plans) {
            Instant after = Bookmarks.read(ctx.state().current(), plan.name(), BOOKMARK, until)
                    .orElse(ctx.settings().startDate());
            if (!after.isBefore(until)) {
                continue;
            }
            String extracted = DateTimes.format(ctx.clock().instant());
            int[] count = {0};
            boolean read = plan.definition().deletionFeed().read(ctx.client(), after, until, deletion -> {
                ObjectNode record = SdcDeletedAt.stamp(deletion.key().deepCopy(), deletion.deletedAt());
                ctx.writer().record(plan.name(), plan.prepare(record, ctx.writer().encoder()), extracted, null);
                count[0]++;
            });
            if (count[0] > 0) {
                ctx.log().info("stream %s: %,d records deleted since %s", plan.name(), count[0], DateTimes.format(after));
            }
            if (read) {
                // Not when the API refused the feed: once it is offered, it is read from where it was left.
                ctx.state().update(s -> Bookmarks.advance(s, plan.name(), BOOKMARK, until, until));
            }
        }
    }

    private static JsonNode signpost(SyncContext ctx) {
        return TextNode.valueOf(DateTimes.format(ctx.settings().signpost()));
    }
}
