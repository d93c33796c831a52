package io.tapintercom.fake;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitTest {
    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void headersCountDownThen429UntilTheWindowResets() {
        long windowStart = 1_800_000_000L;
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(windowStart + 3));
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small().withClock(clock).withRateLimitPer10Seconds(5))) {
            FakeClient client = new FakeClient(fake);
            for (int i = 0; i < 5; i++) {
                HttpResponse<byte[]> r = FakeClient.call(() -> client.getRaw("/tags"));
                assertEquals(200, r.statusCode());
                assertEquals("5", header(r, "X-RateLimit-Limit"));
                assertEquals(Integer.toString(4 - i), header(r, "X-RateLimit-Remaining"));
                assertEquals(Long.toString(windowStart + 10), header(r, "X-RateLimit-Reset"));
            }
            HttpResponse<byte[]> limited = FakeClient.call(() -> client.getRaw("/tags"));
            assertEquals(429, limited.statusCode());
            assertEquals("0", header(limited, "X-RateLimit-Remaining"));
            assertEquals("rate_limit_exceeded",
                    FakeClient.json(limited).get("errors").get(0).get("code").asText());
            assertEquals("Exceeded rate limit of 5 in 10_seconds",
                    FakeClient.json(limited).get("errors").get(0).get("message").asText());
            assertEquals(1, fake.stats().rateLimitedResponses());

            clock.advanceSeconds(7);
            HttpResponse<byte[]> next = FakeClient.call(() -> client.getRaw("/tags"));
            assertEquals(200, next.statusCode());
            assertEquals("4", header(next, "X-RateLimit-Remaining"));
            assertEquals(Long.toString(windowStart + 20), header(next, "X-RateLimit-Reset"));
        }
    }

    @Test
    void unauthenticatedResponsesCarryNoRateLimitHeadersAndUnlimitedSendsNone() {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_800_000_000L));
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small().withClock(clock).withRateLimitPer10Seconds(5))) {
            HttpResponse<byte[]> r = FakeClient.call(() -> new FakeClient(fake.baseUrl(), "wrong").getRaw("/tags"));
            assertEquals(401, r.statusCode());
            assertTrue(r.headers().firstValue("X-RateLimit-Limit").isEmpty());
        }
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small())) {
            HttpResponse<byte[]> r = FakeClient.call(() -> new FakeClient(fake).getRaw("/tags"));
            assertTrue(r.headers().firstValue("X-RateLimit-Limit").isEmpty());
        }
    }
}
