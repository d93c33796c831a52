package io.tapintercom.sync;

import java.util.concurrent.Callable;

/**
 * Work that says how soon it should start: a pool that ranks what waits ({@link ElasticPool}) starts the
 * most urgent first, and work of equal urgency in the order it came. Other pools ignore it.
 */
record Urgent<R>(Callable<R> work, long urgency) implements Callable<R> {
    @Override
    public R call() throws Exception {
        return work.call();
    }
}
