package io.tapintercom.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tapintercom.config.Secret;
import io.tapintercom.intercom.http.HttpReply;
import io.tapintercom.intercom.http.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every request of every thread takes a place from the client's one in-flight limiter. */
class ClientInFlightTest {
    private static final byte[] OK = "{\"type\":\"list\",\"data\":[]}".getBytes(StandardCharsets.UTF_8);

    private final TestClock clock = new TestClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    @Test
    void threadsSharingTheClientNeverHaveMoreInFlightThanTheLimit() throws Exception {
        AtomicInteger inTransport = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Semaphore answers = new Semaphore(0);
        HttpTransport slow = call -> {
            most.accumulateAndGet(inTransport.incrementAndGet(), Math::max);
            answers.acquireUninterruptibly();
            inTransport.decrementAndGet();
            return new HttpReply(200, Map.of(), OK);
        };
        RateLimiter rateLimiter = new RateLimiter(clock, sleeper, io.tapintercom.singer.Logger.discarding());
        InFlightLimiter inFlight = new InFlightLimiter(clock, rateLimiter::allowedPerSecond, 3);
        IntercomClient client = client(slow, rateLimiter, inFlight);
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sent.add(CompletableFuture.runAsync(() -> client.send(ApiRequest.get("contacts", "/contacts")), threads));
            }
            // Before any answer, the limiter starts with a few: the first ones wait in the transport.
            awaitInTransport(inTransport, Math.min(3, InFlightLimiter.INITIAL));
            answers.release(12);
            sent.forEach(CompletableFuture::join);
        } finally {
            threads.shutdownNow();
        }

        assertEquals(3, most.get(), "no budget announced: the ceiling is the limit, and it is reached");
        assertEquals(0, inFlight.inFlight());
        assertEquals(12, client.stats().requests());
    }

    @Test
    void theLatencyIsTheTransportsAloneNotTheWaitForTheRateLimitersWindow() {
        RateLimiter rateLimiter = new RateLimiter(clock, sleeper, io.tapintercom.singer.Logger.discarding());
        InFlightLimiter inFlight = new InFlightLimiter(clock, rateLimiter::allowedPerSecond, 200);
        AtomicInteger remaining = new AtomicInteger(2);
        HttpTransport timed = call -> {
            clock.advance(Duration.ofMillis(300));
            long reset = clock.millis() / 1000 + 10;
            return new HttpReply(200, Map.of("X-RateLimit-Limit", "1666", "X-RateLimit-Remaining",
                    Integer.toString(Math.max(0, remaining.decrementAndGet())), "X-RateLimit-Reset", Long.toString(reset)), OK);
        };
        IntercomClient client = client(timed, rateLimiter, inFlight);

        for (int i = 0; i < 4; i++) {
            client.send(ApiRequest.get("contacts", "/contacts"));
        }

        assertFalse(sleeper.sleeps().isEmpty(), "the window's budget ran out and the client waited for its end");
        assertEquals(300.0, inFlight.latencyMillis(), 1e-9, "the waits for the window's end (" + sleeper.sleeps() + ") are not latency");
        assertEquals((int) Math.ceil(166.6 * 0.3 * InFlightLimiter.HEADROOM), inFlight.limit());
    }

    private IntercomClient client(HttpTransport transport, RateLimiter rateLimiter, InFlightLimiter inFlight) {
        ClientSettings settings = new ClientSettings("http://127.0.0.1:1", new Secret("t"), "2.14", "test",
                Duration.ofSeconds(10), RetryPolicy.standard(3));
        return new IntercomClient(settings, transport, rateLimiter, inFlight, sleeper, clock, new Random(1),
                io.tapintercom.singer.Logger.discarding());
    }

    private static void awaitInTransport(AtomicInteger inTransport, int count) throws InterruptedException {
        while (inTransport.get() < count) {
            Thread.sleep(1);
        }
    }
}
