package io.tapintercom.sync;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A pool whose size follows a supplier, asked for at each task: it grows at once (starting threads for
 * the tasks waiting) and shrinks as threads go idle. Tasks beyond its size wait in the queue without a
 * thread. The workers' pool follows the requests the client may have in flight now: a fixed pool of
 * max_concurrency's 200 threads held a thread (a stack of memory) for each parent waiting for a place
 * in flight, though at 50 ms some 13 requests are in flight and some 13 threads are enough.
 */
final class ElasticPool extends ThreadPoolExecutor {
    private static final long IDLE_SECONDS = 30;

    private final IntSupplier size;

    private ElasticPool(IntSupplier size, ThreadFactory threads) {
        super(Math.max(1, size.getAsInt()), Math.max(1, size.getAsInt()), IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        this.size = size;
        allowCoreThreadTimeOut(true);
    }

    /** @param size the most threads at once, asked for at each task */
    static ElasticPool create(IntSupplier size, ThreadFactory threads) {
        return new ElasticPool(size, threads);
    }

    @Override
    public void execute(Runnable task) {
        resize();
        super.execute(task);
    }

    private synchronized void resize() {
        int wanted = Math.max(1, size.getAsInt());
        if (wanted > getMaximumPoolSize()) {
            setMaximumPoolSize(wanted);
            setCorePoolSize(wanted); // starts threads for the tasks already waiting
        } else if (wanted < getCorePoolSize()) {
            setCorePoolSize(wanted);
            setMaximumPoolSize(wanted);
        }
    }
}
