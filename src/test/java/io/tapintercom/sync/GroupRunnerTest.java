package io.tapintercom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapintercom.intercom.IntercomApiException;
import io.tapintercom.singer.OutputClosedException;
import io.tapintercom.singer.state.State;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupRunnerTest {
    final ExecutorService threads = Executors.newCachedThreadPool();
    final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** A group whose run() is given. */
    final class Fake implements GroupRunner.Group {
        final String name;
        final Runnable body;

        Fake(String name, Runnable body) {
            this.name = name;
            this.body = body;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            events.add("start " + name);
        }

        @Override
        public void run() {
            body.run();
            events.add("end " + name);
        }
    }

    StateKeeper state() {
        return new StateKeeper(new MemoryOutput().writer, State.empty(), Instant.parse("2026-11-01T12:00:00Z"), false);
    }

    static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "the groups never ran at the same time");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void groupsRunAtTheSameTimeAndStartInTheRunsOrder() {
        CountDownLatch allRunning = new CountDownLatch(3);
        Runnable meet = () -> {
            allRunning.countDown();
            await(allRunning);
        };

        List<RuntimeException> failures = new GroupRunner(threads, state(), 3)
                .run(List.of(new Fake("a", meet), new Fake("b", meet), new Fake("c", meet)));

        assertEquals(List.of(), failures);
        assertEquals(List.of("start a", "start b", "start c"), events.subList(0, 3));
        assertEquals(6, events.size());
    }

    @Test
    void aFailedGroupDoesNotStopTheOthersAndFailuresComeBackInTheRunsOrder() {
        CountDownLatch bothFailed = new CountDownLatch(2);
        Runnable fail = () -> {
            bothFailed.countDown();
            await(bothFailed);
            throw new SyncException("boom");
        };
        Runnable failOther = () -> {
            bothFailed.countDown();
            throw new SyncException("bang");
        };

        List<RuntimeException> failures = new GroupRunner(threads, state(), 4)
                .run(List.of(new Fake("a", fail), new Fake("b", () -> { }), new Fake("c", failOther), new Fake("d", () -> { })));

        assertEquals(List.of("boom", "bang"), failures.stream().map(Throwable::getMessage).toList());
        assertTrue(events.containsAll(List.of("end b", "end d")), events.toString());
    }

    @Test
    void withOneAtATimeEachGroupEndsBeforeTheNextStarts() {
        new GroupRunner(threads, state(), 1).run(List.of(new Fake("a", () -> { }), new Fake("b", () -> { })));

        assertEquals(List.of("start a", "end a", "start b", "end b"), events);
    }

    @Test
    void lostOutputStopsEveryGroup() {
        CountDownLatch never = new CountDownLatch(1);
        Runnable waitForever = () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                throw new SyncException("interrupted");
            }
        };
        Runnable lose = () -> {
            throw new OutputClosedException(new IOException("broken pipe"));
        };

        assertThrows(OutputClosedException.class, () -> new GroupRunner(threads, state(), 2)
                .run(List.of(new Fake("a", waitForever), new Fake("b", lose))));
    }

    @Test
    void aRejectedTokenStopsEveryGroupAtOnceInsteadOfFailingEachInTurn() {
        CountDownLatch never = new CountDownLatch(1);
        Runnable waitForever = () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                throw new SyncException("interrupted");
            }
        };
        Runnable refused = () -> {
            throw new IntercomApiException("the Intercom access token was rejected (401 unauthorized)", 401, "unauthorized");
        };

        IntercomApiException thrown = assertThrows(IntercomApiException.class, () -> new GroupRunner(threads, state(), 2)
                .run(List.of(new Fake("a", waitForever), new Fake("b", refused), new Fake("c", () -> { }))));
        assertEquals(401, thrown.status());
        assertFalse(events.contains("start c"), "no group starts after the token was refused: " + events);
    }

    @Test
    void aForbiddenResourceFailsOnlyItsGroup() {
        Runnable forbidden = () -> {
            throw new IntercomApiException("Intercom refused POST /tickets/search: 403", 403, "forbidden");
        };

        List<RuntimeException> failures = new GroupRunner(threads, state(), 2)
                .run(List.of(new Fake("a", forbidden), new Fake("b", () -> { })));

        assertEquals(1, failures.size());
        assertTrue(events.contains("end b"), events.toString());
    }
}
