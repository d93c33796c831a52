package io.tapintercom.sync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Work run concurrently whose results are handed on in the order it was submitted, with steps (a
 * checkpoint) placed between them that run once everything submitted before has been handed on.
 * <p>
 * One pipeline lives as long as a group's read, across its pages: the parents of the next page start
 * while the last ones of this page are still out, so a page's slowest parent never leaves the budget
 * idle. Two bounds, asked for at each submission so that they can follow the requests the client may
 * have in flight now:
 * <ul>
 *   <li>{@code window}: work running at once. It keeps the requests in flight that the budget allows.</li>
 *   <li>{@code backlog}: results not yet handed on, running or done, so memory stays bounded however many
 *       inputs there are. Results must be handed on in order, so one slow piece of work (a parent whose
 *       children take several requests one after another) holds back all those done after it. A backlog
 *       larger than the window lets the work after it go on meanwhile.</li>
 * </ul>
 * Results are handed on as soon as they are done and their turn has come. Results and steps are handed on
 * only on the caller's thread.
 */
final class OrderedPipeline implements AutoCloseable {
    /** Something queued in submission order: a result to hand on, or a step to run. */
    private interface Queued {
        void complete();

        void cancel();
    }

    private record Result<R>(Future<R> future, Consumer<R> sink) implements Queued {
        public void complete() {
            sink.accept(await(future));
        }

        public void cancel() {
            future.cancel(true);
        }
    }

    private record Step(Runnable step) implements Queued {
        public void complete() {
            step.run();
        }

        public void cancel() {
            // never started: nothing to undo
        }
    }

    private final ExecutorService pool;
    private final IntSupplier window;
    private final IntSupplier backlog;
    /** Never starts with a step: a step at the head runs at once. */
    private final Deque<Queued> queue = new ArrayDeque<>();
    /** Results not yet handed on. */
    private int pending;
    /** Work submitted and not yet finished; the monitor the caller waits on for a place in the window. */
    private final Object finishes = new Object();
    private int running;

    /** @param backlog at least {@code window}; less counts as {@code window} */
    OrderedPipeline(ExecutorService pool, IntSupplier window, IntSupplier backlog) {
        this.pool = pool;
        this.window = window;
        this.backlog = backlog;
    }

    /** A pipeline whose results are all handed on before more than {@code window} are pending. */
    OrderedPipeline(ExecutorService pool, int window) {
        this(pool, () -> window, () -> window);
    }

    /**
     * Starts {@code work} once there is room: the results done at the head are handed on first; while the
     * backlog is full, the oldest result is awaited and handed on; while the window is full, a place in it.
     */
    <R> void submit(Callable<R> work, Consumer<R> sink) {
        while (true) {
            handOnDone();
            int most = Math.max(1, window.getAsInt());
            if (pending > 0 && pending >= Math.max(most, backlog.getAsInt())) {
                completeHead();
            } else if (!awaitPlace(most)) {
                break;
            }
        }
        synchronized (finishes) {
            running++;
        }
        queue.add(new Result<>(pool.submit(() -> {
            try {
                return work.call();
            } finally {
                finished();
            }
        }), sink));
        pending++;
    }

    /** False when fewer than {@code most} are running; else waits until one finishes or the head is done, and true. */
    private boolean awaitPlace(int most) {
        synchronized (finishes) {
            if (running < most) {
                return false;
            }
            try {
                while (running >= most && !headDone()) {
                    finishes.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncException("interrupted");
            }
            return true;
        }
    }

    private void finished() {
        synchronized (finishes) {
            running--;
            finishes.notifyAll();
        }
    }

    private boolean headDone() {
        return queue.peek() instanceof Result<?> head && head.future().isDone();
    }

    /** Hands on the results at the head that are done, with the steps after them: output and memory need not wait. */
    private void handOnDone() {
        while (headDone()) {
            completeHead();
        }
    }

    /** Runs {@code step} once every result submitted before it has been handed on: now, if none is pending. */
    void then(Runnable step) {
        if (queue.isEmpty()) {
            step.run();
        } else {
            queue.add(new Step(step));
        }
    }

    /** Hands on every pending result and runs every step, in order. */
    void drain() {
        while (!queue.isEmpty()) {
            completeHead();
        }
    }

    /** Cancels what is still pending (after a failure); its results and the steps after them are dropped. */
    @Override
    public void close() {
        queue.forEach(Queued::cancel);
        queue.clear();
        pending = 0;
    }

    private void completeHead() {
        queue.poll().complete();
        pending--;
        while (queue.peek() instanceof Step) {
            queue.poll().complete();
        }
    }

    static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted");
        } catch (CancellationException e) {
            throw new SyncException("a request was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new SyncException(String.valueOf(cause));
        }
    }
}
