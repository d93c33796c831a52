package io.tapintercom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderedPipelineTest {
    final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void resultsComeOutInSubmissionOrderWhenLaterWorkFinishesFirst() {
        CountDownLatch lastDone = new CountDownLatch(1);
        List<Integer> out = new ArrayList<>();
        try (OrderedPipeline pipeline = new OrderedPipeline(pool, 5)) {
            for (int i = 0; i < 5; i++) {
                int input = i;
                pipeline.submit(() -> {
                    if (input == 0) {
                        awaitQuietly(lastDone);
                    }
                    if (input == 4) {
                        lastDone.countDown();
                    }
                    return input * 10;
                }, out::add);
            }
            pipeline.drain();
        }
        assertEquals(List.of(0, 10, 20, 30, 40), out);
    }

    @Test
    void noMoreThanTheWindowRunsAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> out = new ArrayList<>();
        try (OrderedPipeline pipeline = new OrderedPipeline(pool, 3)) {
            for (int i = 0; i < 50; i++) {
                int input = i;
                pipeline.submit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    running.decrementAndGet();
                    return input;
                }, out::add);
            }
            pipeline.drain();
        }
        assertEquals(50, out.size());
        assertTrue(most.get() <= 3, "at most 3 at once: " + most.get());
    }

    @Test
    void aStepRunsOnlyOnceEverythingBeforeItIsHandedOnAndBeforeWhatFollows() {
        List<String> out = new ArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (OrderedPipeline pipeline = new OrderedPipeline(pool, 10)) {
            pipeline.then(() -> out.add("step on an empty pipeline"));
            assertEquals(List.of("step on an empty pipeline"), out, "nothing pending: the step runs at once");
            pipeline.submit(() -> {
                awaitQuietly(release);
                return "a";
            }, out::add);
            pipeline.submit(() -> "b", out::add);
            pipeline.then(() -> out.add("checkpoint after a, b"));
            pipeline.submit(() -> "c", out::add);
            pipeline.then(() -> out.add("checkpoint after c"));
            assertEquals(1, out.size(), "the window is not full: nothing is handed on while a is out");
            release.countDown();
            pipeline.drain();
        }
        assertEquals(List.of("step on an empty pipeline", "a", "b", "checkpoint after a, b", "c", "checkpoint after c"), out);
    }

    @Test
    void aFullWindowHandsOnTheOldestResultsAndTheStepsBetweenThem() {
        List<String> out = new ArrayList<>();
        CountDownLatch releaseB = new CountDownLatch(1);
        try (OrderedPipeline pipeline = new OrderedPipeline(pool, 2)) {
            pipeline.submit(() -> "a", out::add);
            pipeline.then(() -> out.add("after a"));
            pipeline.submit(() -> {
                awaitQuietly(releaseB);
                return "b";
            }, out::add);
            pipeline.submit(() -> "c", out::add);
            assertEquals(List.of("a", "after a"), out, "room for c was made by handing a on, and its step ran with it");
            releaseB.countDown();
            pipeline.drain();
        }
        assertEquals(List.of("a", "after a", "b", "c"), out);
    }

    @Test
    void workAfterASlowResultGoesOnWhileTheBacklogHasRoom() {
        List<String> out = new ArrayList<>();
        CountDownLatch sixthStarted = new CountDownLatch(1);
        AtomicInteger mostRunning = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        boolean[] slowSawTheSixth = new boolean[1];
        try (OrderedPipeline pipeline = new OrderedPipeline(pool, () -> 2, () -> 7)) {
            pipeline.submit(() -> {
                // Only ends once the work five places after it has started: a backlog no larger than the
                // window would wait for this result before starting that work, and the test would time out.
                slowSawTheSixth[0] = sixthStarted.await(30, TimeUnit.SECONDS);
                return "slow";
            }, out::add);
            for (int i = 1; i <= 5; i++) {
                String name = "quick " + i;
                pipeline.submit(() -> {
                    mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    if (name.equals("quick 5")) {
                        sixthStarted.countDown();
                    }
                    running.decrementAndGet();
                    return name;
                }, out::add);
            }
            pipeline.drain();
        }
        assertTrue(slowSawTheSixth[0], "the work after the slow one went on while it waited for its turn");
        assertEquals(List.of("slow", "quick 1", "quick 2", "quick 3", "quick 4", "quick 5"), out, "still handed on in order");
        assertTrue(mostRunning.get() <= 1, "besides the slow one, at most one more ran at once: " + mostRunning.get());
    }

    @Test
    void aFullBacklogWaitsForTheOldestResultBeforeStartingMore() {
        List<String> out = new ArrayList<>();
        CountDownLatch dStarted = new CountDownLatch(1);
        boolean[] aSawD = new boolean[1];
        try (OrderedPipeline pipeline = new OrderedPipeline(pool, () -> 2, () -> 3)) {
            pipeline.submit(() -> {
                aSawD[0] = dStarted.await(300, TimeUnit.MILLISECONDS);
                return "a";
            }, out::add);
            pipeline.submit(() -> "b", out::add);
            pipeline.submit(() -> "c", out::add);
            pipeline.submit(() -> {
                dStarted.countDown();
                return "d";
            }, out::add);
            pipeline.drain();
        }
        assertFalse(aSawD[0], "with a, b and c pending, d started only once a was handed on");
        assertEquals(List.of("a", "b", "c", "d"), out);
    }

    @Test
    void aFailureReachesTheCallerAndNoStepAfterItRuns() {
        RuntimeException failure = new SyncException("no");
        List<String> out = new ArrayList<>();
        OrderedPipeline pipeline = new OrderedPipeline(pool, 10);
        pipeline.submit(() -> "a", out::add);
        pipeline.then(() -> out.add("after a"));
        pipeline.<String>submit(() -> {
            throw failure;
        }, out::add);
        pipeline.then(() -> out.add("after the failure"));

        // Handed on by whichever call finds it done at the head: the next submission or the drain.
        assertSame(failure, assertThrows(SyncException.class, () -> {
            pipeline.submit(() -> "c", out::add);
            pipeline.drain();
        }));
        pipeline.close();
        pipeline.drain();
        assertEquals(List.of("a", "after a"), out, "closed after the failure: nothing more is handed on");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
