package io.tapintercom.sync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Runs work on many inputs concurrently and hands the results on in input order. At most
 * {@code window} results are pending at once, so memory stays bounded however many inputs there are,
 * and the output order (hence the order of RECORDs and the safety of the STATE after them) does not
 * depend on which request came back first. The window is asked for at each input, so it can follow
 * the requests the client may have in flight now rather than their ceiling.
 */
final class OrderedFanOut {
    private final ExecutorService pool;
    private final IntSupplier window;

    OrderedFanOut(ExecutorService pool, IntSupplier window) {
        this.pool = pool;
        this.window = window;
    }

    OrderedFanOut(ExecutorService pool, int window) {
        this(pool, () -> window);
    }

    <T, R> void run(List<T> inputs, Function<T, R> work, Consumer<R> sink) {
        Deque<Future<R>> pending = new ArrayDeque<>();
        try {
            for (T input : inputs) {
                while (!pending.isEmpty() && pending.size() >= Math.max(1, window.getAsInt())) {
                    sink.accept(await(pending.poll()));
                }
                pending.add(pool.submit(() -> work.apply(input)));
            }
            while (!pending.isEmpty()) {
                sink.accept(await(pending.poll()));
            }
        } finally {
            pending.forEach(future -> future.cancel(true));
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
