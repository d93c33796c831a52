package io.tapintercom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ScrollRulesTest {
    private static String code(HttpResponse<byte[]> r) {
        return FakeClient.json(r).get("errors").get(0).get("code").asText();
    }

    @Test
    void oneOpenScrollPerWorkspaceAndIdleScrollsExpire() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small().withClock(clock))) {
            FakeClient client = new FakeClient(fake);
            JsonNode first = client.get("/companies/scroll");
            String param = first.get("scroll_param").asText();
            assertEquals(50, first.get("data").size());

            HttpResponse<byte[]> second = FakeClient.call(() -> client.getRaw("/companies/scroll"));
            assertEquals(400, second.statusCode());
            assertEquals("scroll_exists", code(second));

            clock.advanceSeconds(59);
            assertEquals(50, client.get("/companies/scroll?scroll_param=" + param).get("data").size());

            clock.advanceSeconds(60);
            HttpResponse<byte[]> expired = FakeClient.call(() -> client.getRaw("/companies/scroll?scroll_param=" + param));
            assertEquals(404, expired.statusCode());
            assertEquals("not_found", code(expired));

            JsonNode restarted = client.get("/companies/scroll");
            assertNotEquals(param, restarted.get("scroll_param").asText());
            assertEquals(first.get("data"), restarted.get("data"));
        }
    }

    @Test
    void finalPageIsEmptyAndEndsTheScroll() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small().withClock(clock))) {
            FakeClient client = new FakeClient(fake);
            String param = client.get("/companies/scroll").get("scroll_param").asText();
            int companies = 50;
            JsonNode page;
            do {
                page = client.get("/companies/scroll?scroll_param=" + param);
                companies += page.get("data").size();
            } while (page.get("data").size() > 0);
            assertEquals(fake.workspace().count(FakeWorkspace.COMPANIES), companies);
            assertEquals(404, FakeClient.call(() -> client.getRaw("/companies/scroll?scroll_param=" + param))
                    .statusCode());
            assertEquals(200, FakeClient.call(() -> client.getRaw("/companies/scroll")).statusCode(),
                    "a finished scroll frees the slot at once");
        }
    }

    @Test
    void scrollFailureAsksForARestartAndClosesTheScroll() {
        FakeOptions options = FakeOptions.small().toBuilder().scrollFailureRate(1.0).build();
        try (FakeIntercom fake = FakeIntercom.start(options)) {
            FakeClient client = new FakeClient(fake);
            HttpResponse<byte[]> failed = FakeClient.call(() -> client.getRaw("/companies/scroll"));
            assertEquals(500, failed.statusCode());
            assertEquals(ScrollEndpoint.FAILURE_MESSAGE,
                    FakeClient.json(failed).get("errors").get(0).get("message").asText());
            assertEquals(1, fake.stats().faults(FaultKind.SCROLL_FAILURE));
            assertEquals(500, FakeClient.call(() -> client.getRaw("/companies/scroll")).statusCode(),
                    "not scroll_exists: the failed scroll was closed");
        }
    }

    @Test
    void customPageSizeAndExpiry() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
        FakeOptions options = FakeOptions.small().toBuilder().clock(clock).scrollPageSize(7)
                .scrollIdleExpirySeconds(5).build();
        try (FakeIntercom fake = FakeIntercom.start(options)) {
            FakeClient client = new FakeClient(fake);
            JsonNode first = client.get("/companies/scroll");
            assertEquals(7, first.get("data").size());
            clock.advanceSeconds(5);
            assertEquals(200, FakeClient.call(() -> client.getRaw("/companies/scroll")).statusCode());
        }
    }
}
