package io.tapintercom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ElasticPoolTest {
    @Test
    void noMoreThreadsThanItsSizeAndTheRestWait() throws Exception {
        ElasticPool pool = ElasticPool.create(() -> 4, Executors.defaultThreadFactory());
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tasks.add(pool.submit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    release.await(10, TimeUnit.SECONDS);
                    running.decrementAndGet();
                    return null;
                }));
            }
            assertEquals(6, pool.getQueue().size(), "four run at once, six wait");
            release.countDown();
            for (Future<?> task : tasks) {
                task.get(10, TimeUnit.SECONDS);
            }
            assertEquals(4, pool.getLargestPoolSize());
            assertTrue(most.get() <= 4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void growingStartsThreadsForTheTasksWaitingAndShrinkingLowersTheSize() throws Exception {
        AtomicInteger size = new AtomicInteger(2);
        ElasticPool pool = ElasticPool.create(size::get, Executors.defaultThreadFactory());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch fourRunning = new CountDownLatch(4);
        try {
            for (int i = 0; i < 4; i++) {
                pool.submit(() -> {
                    fourRunning.countDown();
                    return release.await(10, TimeUnit.SECONDS);
                });
            }
            assertEquals(2, pool.getPoolSize(), "two at most: two tasks wait");
            size.set(5);
            pool.submit(() -> { });
            assertTrue(fourRunning.await(10, TimeUnit.SECONDS), "the two waiting tasks got threads as the pool grew");
            size.set(1);
            pool.submit(() -> { });
            assertEquals(1, pool.getMaximumPoolSize());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
