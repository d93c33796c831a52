package io.tapintercom.sync;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Keeps the next page's request in flight while the current page is processed, so a parent list is
 * not idle while its children are fetched. Only the background task touches the source iterator.
 */
final class Prefetcher<T> implements Iterator<T>, AutoCloseable {
    private final Iterator<T> source;
    private final ExecutorService executor;
    private Future<Optional<T>> pending;

    Prefetcher(Iterator<T> source, ExecutorService executor) {
        this.source = source;
        this.executor = executor;
        this.pending = fetch();
    }

    private Future<Optional<T>> fetch() {
        return executor.submit(() -> source.hasNext() ? Optional.of(source.next()) : Optional.empty());
    }

    @Override
    public boolean hasNext() {
        return OrderedFanOut.await(pending).isPresent();
    }

    @Override
    public T next() {
        Optional<T> value = OrderedFanOut.await(pending);
        if (value.isEmpty()) {
            throw new NoSuchElementException();
        }
        pending = fetch();
        return value.get();
    }

    @Override
    public void close() {
        pending.cancel(true);
    }
}
