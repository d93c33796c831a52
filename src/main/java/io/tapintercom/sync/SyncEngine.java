package io.tapintercom.sync;

import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.MessageWriter;
import io.tapintercom.singer.catalog.Catalog;
import io.tapintercom.singer.state.State;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sync: the selected stream groups, up to {@code parallel_streams} of them at once, in the tap's
 * order rotated to start with the one an interrupted run had not finished (currently_syncing). Each
 * group is read by {@link GroupSync}; every group shares one client, and so one rate limit and one
 * budget of requests in flight. STATE is written as bookmarks move and once more at the end.
 */
public final class SyncEngine {
    private static final long IDLE_THREAD_SECONDS = 1;
    private final IntercomClient client;
    private final MessageWriter writer;
    private final Clock clock;
    private final Logger log;
    private final SyncSettings settings;
    private final SyncPlanner planner;

    public SyncEngine(IntercomClient client, MessageWriter writer, Clock clock, Logger log, SyncSettings settings,
                      SyncPlanner planner) {
        this.client = client;
        this.writer = writer;
        this.clock = clock;
        this.log = log;
        this.settings = settings;
        this.planner = planner;
    }

    /** Runs the sync and returns the final state; throws the failure of a group that failed (or {@link SyncFailures}). */
    public State run(Catalog catalog, State initial) {
        List<GroupPlan> plans = resumeOrder(planner.plan(catalog), initial, log);
        if (plans.isEmpty()) {
            log.warn("no stream is selected in the catalog; nothing to sync");
        }
        // Every bookmark is checked before the first message: bad state fails the run before it starts.
        List<Windows> windows = plans.stream().map(group -> Windows.of(group, initial, settings)).toList();
        StateKeeper state = new StateKeeper(writer, initial, settings.signpost(), settings.testRun());
        ExecutorService groupThreads = cached("tap-intercom-group");
        // As many workers as the client may have requests in flight now (its InFlightLimiter follows the budget and the
        // latency), and two for work that needs no request: a parent waiting for a place in flight waits in the queue,
        // not on a thread of its own.
        ExecutorService workers = ElasticPool.create(() -> client.inFlight().limit() + 2, daemon("tap-intercom-worker"));
        ExecutorService readers = cached("tap-intercom-reader");
        try {
            SyncContext context = new SyncContext(client, writer, clock, log, settings, workers, readers, state,
                    client.inFlight()::limit);
            List<GroupRunner.Group> groups = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                // A 403/404 on its resource fails the group with a line naming its streams and the likely cause.
                groups.add(UnreadableStreams.reporting(plans.get(i), new GroupSync(plans.get(i), windows.get(i), context), log));
            }
            List<RuntimeException> failures = new GroupRunner(groupThreads, state, settings.parallelStreams()).run(groups);
            state.write();
            if (failures.size() == 1) {
                throw failures.get(0);
            }
            if (!failures.isEmpty()) {
                throw new SyncFailures(failures);
            }
            return state.current();
        } finally {
            groupThreads.shutdownNow();
            workers.shutdownNow();
            readers.shutdownNow();
        }
    }

    /** --test=schema: the SCHEMA message of every selected stream, and nothing else. */
    public void announce(Catalog catalog) {
        for (GroupPlan group : planner.plan(catalog)) {
            for (StreamPlan plan : group.emitted()) {
                writer.schema(plan.name(), plan.schema(), plan.definition().keyProperties(), plan.definition().replicationKeys());
            }
        }
    }

    /** The groups rotated to start at the one an interrupted run was syncing. */
    static List<GroupPlan> resumeOrder(List<GroupPlan> groups, State state, Logger log) {
        String current = state.currentlySyncing().orElse(null);
        for (int i = 0; current != null && i < groups.size(); i++) {
            if (groups.get(i).contains(current)) {
                List<GroupPlan> rotated = new ArrayList<>(groups.subList(i, groups.size()));
                rotated.addAll(groups.subList(0, i));
                log.info("resuming with stream %s, which the last run did not finish", current);
                return rotated;
            }
        }
        return groups;
    }

    /**
     * A thread for each task, reused while tasks keep coming. A thread idle for a second ends: each holds the stack
     * it has touched (some 100 KB), and the groups of small streams and the readers of finished slices would
     * otherwise keep a few dozen of them for a minute, Executors.newCachedThreadPool's idle time.
     */
    private static ExecutorService cached(String prefix) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemon(prefix));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
