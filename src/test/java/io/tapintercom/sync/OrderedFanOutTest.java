package io.tapintercom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderedFanOutTest {
    final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void resultsComeOutInInputOrderWhenLaterInputsFinishFirst() {
        CountDownLatch lastDone = new CountDownLatch(1);
        List<Integer> inputs = IntStream.range(0, 5).boxed().toList();
        List<Integer> out = new ArrayList<>();

        new OrderedFanOut(pool, 5).run(inputs, i -> {
            if (i == 0) {
                awaitQuietly(lastDone);
            }
            if (i == 4) {
                lastDone.countDown();
            }
            return i * 10;
        }, out::add);

        assertEquals(List.of(0, 10, 20, 30, 40), out);
    }

    @Test
    void noMoreThanTheWindowIsPendingAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> out = new ArrayList<>();

        new OrderedFanOut(pool, 3).run(IntStream.range(0, 50).boxed().toList(), i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            running.decrementAndGet();
            return i;
        }, out::add);

        assertEquals(50, out.size());
        assertTrue(most.get() <= 3, "at most 3 at once: " + most.get());
    }

    @Test
    void aFailureReachesTheCaller() {
        RuntimeException failure = new SyncException("no");
        try {
            new OrderedFanOut(pool, 3).run(List.of(1, 2, 3), i -> {
                if (i == 2) {
                    throw failure;
                }
                return i;
            }, i -> { });
        } catch (SyncException e) {
            assertEquals(failure, e);
            return;
        }
        throw new AssertionError("the failure was swallowed");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
