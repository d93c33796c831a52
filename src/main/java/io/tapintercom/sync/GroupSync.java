package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.streams.RecordSource;
import io.tapintercom.sync.SlicedRead.SlicePage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Syncs one top-level stream and its selected children: reads the parent once from the earliest
 * window any of them needs, writes each stream's records in order, and moves bookmarks only past
 * records already written. {@link #read} is the whole algorithm; the pieces it names do the rest.
 */
final class GroupSync implements GroupRunner.Group {
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
    /** One for the group's whole read, so the parents of consecutive pages are expanded together. */
    private final OrderedPipeline pipeline;
    private final Long version;
    /** Set when this run can tell what disappeared from the group's full-table streams. */
    private final FullTableDeletions deletions;
    /** Deletions Intercom lists for the group's incremental streams (conversations). */
    private final FeedDeletions feedDeletions;
    private Instant highestRead;

    GroupSync(GroupPlan group, Windows windows, SyncContext ctx) {
        this.group = group;
        this.ctx = ctx;
        this.root = group.root();
        this.windows = windows;
        this.expander = new ParentExpander(ctx.client(), root, windows, ctx.writer().encoder(), ctx.settings().signpost());
        this.version = root.emit() && !root.incremental() && !testRun() ? ctx.settings().signpost().toEpochMilli() : null;
        this.deletions = version != null ? new FullTableDeletions(group.emitted(), ctx.log()) : null;
        this.feedDeletions = new FeedDeletions(group.emitted(), ctx.settings().testRun());
        this.emitter = new RecordEmitter(ctx.writer(), ctx.clock(), ctx.log(), group.emitted(), version,
                ctx.settings().recordLimit(), deletions);
        // Running: twice the requests the client may have in flight now, enough to keep them all busy. Pending: twice
        // that, so that a parent whose children take several requests in a row (a contact's tags, companies, then
        // notes) does not stall the parents after it while it waits for its turn to be written; few enough that the
        // results waiting stay a bounded, small amount of memory.
        this.pipeline = new OrderedPipeline(ctx.workers(), () -> 2 * ctx.inFlight().getAsInt(),
                () -> 4 * ctx.inFlight().getAsInt());
    }

    @Override
    public String name() {
        return group.name();
    }

    /** Announces the group's streams before any record: SCHEMA, and ACTIVATE_VERSION on a full-table stream's first sync. */
    @Override
    public void start() {
        for (StreamPlan plan : group.emitted()) {
            ctx.writer().schema(plan.name(), plan.schema(), plan.definition().keyProperties(), plan.definition().replicationKeys());
        }
        if (version != null && ctx.state().current().bookmark(root.name(), "version").isEmpty()) {
            ctx.writer().activateVersion(root.name(), version);
        }
    }

    @Override
    public void run() {
        // A stream never synced starts its deletion feed now (before its first checkpoint).
        feedDeletions.start(ctx);
        Instant from = windows.readFrom();
        ctx.log().info("stream %s: reading %s", group.name(), root.incremental()
                ? "records with " + root.definition().replication().replicationKey() + " from " + DateTimes.format(from)
                        + " to " + DateTimes.format(ctx.settings().signpost())
                : "all records");
        // Only requests can make a read idle: children taken from the records themselves are written along.
        try {
            if (root.definition().source().mustNotIdle()
                    && group.children().stream().anyMatch(c -> c.definition().childSource().requestsPerParent())) {
                readThenExpand(from);
            } else {
                read(from);
            }
        } finally {
            pipeline.close(); // after a failure: what is still in flight is dropped, and no checkpoint after it runs
        }
        finish();
    }

    /**
     * The sync loop: pages in, window filter, expand, write, checkpoint. A page's checkpoint runs once
     * its records are written; meanwhile the next pages are already being expanded.
     */
    private void read(Instant from) {
        try (SlicedRead pages = open(from)) {
            for (SlicePage page = nextPage(pages); page != null; page = nextPage(pages)) {
                submit(pages, page, group.children(), true);
                if (testRun()) {
                    break;
                }
            }
            pipeline.drain();
            checkpoint(pages.bookmark()); // the slices that ended after the last page written
        }
    }

    /**
     * For a read that must not idle (the company scroll): the parents are written as the read goes and
     * set aside on disk; their children are fetched once the read has ended.
     */
    private void readThenExpand(Instant from) {
        try (ParentSpool spool = new ParentSpool()) {
            try (SlicedRead pages = open(from)) {
                for (SlicePage page = nextPage(pages); page != null; page = nextPage(pages)) {
                    submit(pages, page, List.of(), false).stream().filter(this::wantedByAChild).forEach(spool::add);
                    if (testRun()) {
                        break;
                    }
                }
                pipeline.drain();
            }
            if (root.emit() && root.incremental() && highestRead != null) {
                ctx.state().advance(checkpoints(List.of(root), highestRead));
            }
            ctx.log().info("stream %s: fetching children of %,d parents", group.name(), spool.size());
            for (List<JsonNode> chunk = spool.next(SPOOL_CHUNK); !chunk.isEmpty(); chunk = spool.next(SPOOL_CHUNK)) {
                expandAndWrite(chunk, "the parents read before", false, group.children());
            }
            pipeline.drain();
        }
    }

    /**
     * Starts the expansion of a page's records in the read's window, and queues what follows their
     * writing: the page is marked written, and the bookmark moves if {@code checkpoint}. Returns the records.
     */
    private List<JsonNode> submit(SlicedRead pages, SlicePage page, List<StreamPlan> children, boolean checkpoint) {
        emitter.expectTotal(page.page().totalCount());
        List<JsonNode> records = windows.filter(page.records(), page.window());
        expandAndWrite(records, page.describe(), root.emit(), children);
        Optional<Instant> highest = windows.highest(records);
        Slice slice = page.slice(); // not the page: its records need not wait in memory for the step
        pipeline.then(() -> {
            Optional<Instant> safe = pages.written(slice, highest);
            if (checkpoint) {
                checkpoint(safe);
            }
        });
        return records;
    }

    /** The read's next page. If it cannot be read, the pages read before are written and checkpointed first. */
    private SlicePage nextPage(SlicedRead pages) {
        try {
            return pages.next();
        } catch (RuntimeException failure) {
            try {
                pipeline.drain();
            } catch (RuntimeException also) {
                failure.addSuppressed(also);
            }
            throw failure;
        }
    }

    private SlicedRead open(Instant from) {
        RecordSource source = root.definition().source();
        SlicePlanner planner = sorted() && !testRun() ? source.minimumSlice()
                .map(span -> new SlicePlanner(ctx.inFlight(), span)).orElse(null) : null;
        return new SlicedRead(group.name(), new ReadWindow(from, ctx.settings().signpost()),
                window -> new PageReader(group.name(), source, ctx.client(), windows::key, window, ctx.log()), planner,
                ctx.readers(), ctx.clock(), ctx.log());
    }

    /**
     * Starts expanding the parents (their enrichment and children) concurrently; the results are written
     * in order as the pipeline hands them on.
     */
    private void expandAndWrite(List<JsonNode> parents, String where, boolean withRoot, List<StreamPlan> children) {
        List<JsonNode> work = testRun() ? parents.subList(0, Math.min(TEST_PARENTS, parents.size())) : parents;
        String extracted = DateTimes.format(ctx.clock().instant());
        for (int i = 0; i < work.size(); i++) {
            ParentExpander.Parent parent = new ParentExpander.Parent(work.get(i), i + 1, where);
            pipeline.submit(() -> expander.expand(parent, withRoot, children),
                    expansion -> emitter.write(root, expansion, extracted));
        }
        windows.highest(parents).ifPresent(high -> highestRead = highestRead == null || high.isAfter(highestRead) ? high : highestRead);
    }

    /** A sorted read's bookmark follows its pages; an unsorted one's moves only when it ends (see finish). */
    private void checkpoint(Optional<Instant> safe) {
        if (sorted()) {
            safe.ifPresent(value -> ctx.state().checkpoint(checkpoints(group.emitted(), value)));
        }
    }

    private List<Checkpoint> checkpoints(List<StreamPlan> plans, Instant value) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (StreamPlan plan : plans) {
            if (plan.incremental() && !testRun()) {
                checkpoints.add(new Checkpoint(plan.name(), plan.definition().replication().bookmarkKey(), value));
            }
        }
        return checkpoints;
    }

    private void finish() {
        if (!sorted() && highestRead != null) {
            ctx.state().advance(checkpoints(group.emitted(), highestRead));
        }
        // After the stream's records and before its final ACTIVATE_VERSION: what was deleted in Intercom.
        feedDeletions.report(ctx);
        if (version != null) {
            deletions.report(ctx, version);
            ctx.writer().activateVersion(root.name(), version);
            ctx.state().update(s -> s.withBookmark(root.name(), "version", LongNode.valueOf(version)));
        }
        ctx.state().write();
        emitter.finish();
    }

    private boolean wantedByAChild(JsonNode parent) {
        return group.children().stream().anyMatch(child -> !windows.before(parent, child));
    }

    private boolean sorted() {
        return root.incremental() && root.definition().source().sortedByReplicationKey();
    }

    private boolean testRun() {
        return ctx.settings().testRun();
    }
}
