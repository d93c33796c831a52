package io.tapintercom.sync;

import io.tapintercom.intercom.IntercomApiException;
import io.tapintercom.singer.OutputClosedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs stream groups at the same time, up to {@code parallel} at once, starting them in the run's
 * order (each announces its streams before any record: SCHEMA first). A group that fails does not
 * stop the others: its failure is kept and reported when all have ended, and its bookmarks stay where
 * its last STATE put them. Only a failure no other group can escape stops everything at once: the output
 * itself (stdout gone), the access token refused (401: every group would fail the same way, one request
 * each), or the JVM. Requests in flight are limited by the client, not here: a group is one thread
 * that waits on its requests.
 */
final class GroupRunner {
    /** One group as the runner sees it. */
    interface Group {
        /** The name currently_syncing gives it. */
        String name();

        /** Announces its streams (SCHEMA...): called in the run's order, before it runs. */
        void start();

        void run();
    }

    private final ExecutorService threads;
    private final StateKeeper state;
    private final int parallel;

    GroupRunner(ExecutorService threads, StateKeeper state, int parallel) {
        this.threads = threads;
        this.state = state;
        this.parallel = Math.max(1, parallel);
    }

    /** Runs every group; returns the failures of those that failed, in the run's order. */
    List<RuntimeException> run(List<? extends Group> groups) {
        Semaphore slots = new Semaphore(parallel);
        AtomicReferenceArray<RuntimeException> failures = new AtomicReferenceArray<>(groups.size());
        List<Throwable> fatal = new CopyOnWriteArrayList<>();
        List<Future<?>> running = new CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < groups.size(); i++) {
                Group group = groups.get(i);
                int index = i;
                acquire(slots);
                if (!fatal.isEmpty()) {
                    slots.release();
                    break;
                }
                state.started(group.name());
                group.start();
                running.add(threads.submit(() -> {
                    try {
                        group.run();
                        state.finished(group.name());
                    } catch (RuntimeException | Error e) {
                        if (stopsEverything(e)) {
                            fatal.add(e);
                            running.forEach(other -> other.cancel(true));
                        } else if (fatal.isEmpty()) {
                            failures.set(index, (RuntimeException) e);
                        }
                    } finally {
                        slots.release();
                    }
                }));
            }
            running.forEach(GroupRunner::await);
        } finally {
            running.forEach(future -> future.cancel(true));
        }
        rethrow(fatal);
        List<RuntimeException> ordered = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (failures.get(i) != null) {
                ordered.add(failures.get(i));
            }
        }
        return ordered;
    }

    static boolean stopsEverything(Throwable failure) {
        return failure instanceof Error || failure instanceof OutputClosedException
                || failure instanceof IntercomApiException refused && refused.isTokenRejected();
    }

    private static void acquire(Semaphore slots) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted");
        }
    }

    /** Waits for a group to end; how it ended was recorded by the group itself. */
    private static void await(Future<?> group) {
        try {
            group.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted");
        } catch (ExecutionException | CancellationException e) {
            // recorded as a failure (or cancelled after a fatal one)
        }
    }

    private static void rethrow(List<Throwable> fatal) {
        if (fatal.isEmpty()) {
            return;
        }
        Throwable first = fatal.get(0);
        if (first instanceof Error) {
            throw (Error) first;
        }
        throw (RuntimeException) first;
    }
}
