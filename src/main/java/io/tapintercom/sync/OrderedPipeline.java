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
 * idle. At most {@code window} results are pending at once, so memory stays bounded however many
 * inputs there are; the window is asked for at each submission, so it can follow the requests the
 * client may have in flight now. Results and steps are handed on only on the caller's thread.
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
    /** Never starts with a step: a step at the head runs at once. */
    private final Deque<Queued> queue = new ArrayDeque<>();
    private int pending;

    OrderedPipeline(ExecutorService pool, IntSupplier window) {
        this.pool = pool;
        this.window = window;
    }

    OrderedPipeline(ExecutorService pool, int window) {
        this(pool, () -> window);
    }

    /** Starts {@code work}, first handing on the oldest results while the window is full. */
    <R> void submit(Callable<R> work, Consumer<R> sink) {
        while (pending > 0 && pending >= Math.max(1, window.getAsInt())) {
            completeHead();
        }
        queue.add(new Result<>(pool.submit(work), sink));
        pending++;
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
