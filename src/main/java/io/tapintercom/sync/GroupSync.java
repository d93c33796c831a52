package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.streams.StreamDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Syncs one top-level stream and its selected children: reads the parent once from the earliest
 * window any of them needs, writes each stream's records in order, and moves bookmarks only past
 * records already written.
 */
final class GroupSync {
    /** Parents handed to the children's requests per step of a spooled read. */
    private static final int SPOOL_CHUNK = 150;
    /** In a --test run, the parents whose children are fetched. */
    private static final int TEST_PARENTS = 10;

    private final GroupPlan group;
    private final SyncContext ctx;
    private final StreamPlan root;
    private final Windows windows;
    private final ParentExpander expander;
    private final RecordEmitter emitter;
    private final OrderedFanOut fanOut;
    private final Long version;
    /** Set when this run can tell what disappeared from the group's full-table streams. */
    private final FullTableDeletions deletions;
    /** The replication-key value of the last checkpoint, where a broken search resumes. */
    private Instant lastCheckpoint;
    private Instant highestRead;

    GroupSync(GroupPlan group, SyncContext ctx) {
        this.group = group;
        this.ctx = ctx;
        this.root = group.root();
        this.windows = Windows.of(group, ctx.state().current(), ctx.settings());
        this.expander = new ParentExpander(ctx.client(), root, windows);
        this.version = root.emit() && !root.incremental() && !ctx.settings().testRun() ? ctx.settings().signpost().toEpochMilli() : null;
        this.deletions = version != null ? new FullTableDeletions(group.emitted(), ctx.log()) : null;
        this.emitter = new RecordEmitter(ctx.writer(), ctx.clock(), ctx.log(), group.emitted(), version,
                ctx.settings().recordLimit(), deletions);
        this.fanOut = new OrderedFanOut(ctx.workers(), ctx.settings().concurrency() * 2);
    }

    void run() {
        writeSchemas();
        startVersion();
        Instant from = windows.readFrom();
        ctx.log().info("stream %s: reading %s", group.name(), root.incremental()
                ? "records with " + root.definition().replication().replicationKey() + " from " + DateTimes.format(from) + " to " + DateTimes.format(ctx.settings().signpost())
                : "all records");
        // Only requests can make a read idle: children taken from the records themselves are written along.
        boolean spooled = root.definition().source().mustNotIdle()
                && group.children().stream().anyMatch(c -> c.definition().childSource().requestsPerParent());
        if (spooled) {
            runSpooled(from);
        } else {
            runStreamed(from);
        }
        finish();
    }

    private void runStreamed(Instant from) {
        PageLoop loop = pageLoop();
        loop.read(from, page -> {
            List<JsonNode> records = inWindow(page, from);
            process(records, root.emit(), group.children());
            if (sorted()) {
                windows.highest(records).ifPresent(this::checkpoint);
            }
            return keepReading(page);
        }, () -> lastCheckpoint != null ? lastCheckpoint : from);
    }

    /** The parent read runs to its end first, writing parents aside; then the children are fetched. */
    private void runSpooled(Instant from) {
        try (ParentSpool spool = new ParentSpool()) {
            pageLoop().read(from, page -> {
                List<JsonNode> records = inWindow(page, from);
                process(records, root.emit(), List.of());
                records.stream().filter(r -> group.children().stream().anyMatch(c -> !windows.before(r, c))).forEach(spool::add);
                return keepReading(page);
            }, () -> from);
            if (root.emit() && root.incremental() && highestRead != null) {
                advance(List.of(root), highestRead);
            }
            ctx.log().info("stream %s: fetching children of %,d parents", group.name(), spool.size());
            for (List<JsonNode> chunk = spool.next(SPOOL_CHUNK); !chunk.isEmpty(); chunk = spool.next(SPOOL_CHUNK)) {
                process(chunk, false, group.children());
            }
        }
    }

    private PageLoop pageLoop() {
        StreamDefinition definition = root.definition();
        return new PageLoop(group.name(), definition.source(), definition.replication().replicationKey(), ctx.client(),
                ctx.prefetch(), ctx.settings().signpost(), ctx.log());
    }

    /** Expands the parents (their enrichment and children) concurrently and writes the results in order. */
    private void process(List<JsonNode> parents, boolean withRoot, List<StreamPlan> children) {
        List<JsonNode> work = ctx.settings().testRun() ? parents.subList(0, Math.min(TEST_PARENTS, parents.size())) : parents;
        String extracted = DateTimes.format(ctx.clock().instant());
        fanOut.run(work, parent -> expander.expand(parent, withRoot, children),
                expansion -> emitter.write(root, expansion, extracted));
        windows.highest(parents)
                .ifPresent(high -> highestRead = highestRead == null || high.isAfter(highestRead) ? high : highestRead);
    }

    /** Records outside the window are not this run's: before its start, or updated after the signpost. */
    private List<JsonNode> inWindow(Page page, Instant from) {
        emitter.expectTotal(page.totalCount());
        if (!root.incremental()) {
            return page.records();
        }
        Instant signpost = ctx.settings().signpost();
        List<JsonNode> kept = new ArrayList<>(page.records().size());
        for (JsonNode record : page.records()) {
            Optional<Instant> key = windows.key(record);
            if (key.isEmpty() || (!key.get().isBefore(from) && !key.get().isAfter(signpost))) {
                kept.add(record);
            }
        }
        return kept;
    }

    private boolean keepReading(Page page) {
        if (ctx.settings().testRun()) {
            return false;
        }
        // Sorted ascending: once past the signpost, every later page is too.
        return !(sorted() && page.records().stream().map(windows::key).flatMap(Optional::stream)
                .anyMatch(k -> k.isAfter(ctx.settings().signpost())));
    }

    private void checkpoint(Instant value) {
        advance(emitted(), value);
        lastCheckpoint = value;
        ctx.state().checkpoint();
    }

    private void advance(List<StreamPlan> plans, Instant value) {
        for (StreamPlan plan : plans) {
            if (plan.incremental() && !ctx.settings().testRun()) {
                String key = plan.definition().replication().bookmarkKey();
                ctx.state().update(s -> Bookmarks.advance(s, plan.name(), key, value, ctx.settings().signpost()));
            }
        }
    }

    private void finish() {
        if (!sorted() && highestRead != null) {
            advance(emitted(), highestRead);
        }
        if (version != null) {
            deletions.report(ctx, version);
            ctx.writer().activateVersion(root.name(), version);
            ctx.state().update(s -> s.withBookmark(root.name(), "version", LongNode.valueOf(version)));
        }
        ctx.state().checkpoint();
        emitter.finish();
    }

    private void writeSchemas() {
        for (StreamPlan plan : emitted()) {
            ctx.writer().schema(plan.name(), plan.schema(), plan.definition().keyProperties(), plan.definition().replicationKeys());
        }
    }

    /** A full-table stream seen for the first time is announced at once, so targets create its table. */
    private void startVersion() {
        if (version != null && ctx.state().current().bookmark(root.name(), "version").isEmpty()) {
            ctx.writer().activateVersion(root.name(), version);
        }
    }

    private List<StreamPlan> emitted() {
        return group.emitted();
    }

    private boolean sorted() {
        return root.incremental() && root.definition().source().sortedByReplicationKey();
    }
}
