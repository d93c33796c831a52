package io.tapintercom.streams.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapintercom.config.Secret;
import io.tapintercom.intercom.ClientSettings;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.RateLimiter;
import io.tapintercom.intercom.RecordingSleeper;
import io.tapintercom.intercom.RestartRequiredException;
import io.tapintercom.intercom.RetryPolicy;
import io.tapintercom.intercom.TestClock;
import io.tapintercom.intercom.http.HttpCall;
import io.tapintercom.intercom.http.HttpReply;
import io.tapintercom.intercom.http.HttpTransport;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.singer.Logger;
import io.tapintercom.streams.ReadWindow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The company scroll under failures: restarts within a budget that grows with its length, each company once. */
class ScrollSourceTest {
    /** A scroll of {@code total} one-company pages whose page {@code failAt} answers {@code status} the first {@code failures} times. */
    private static final class Scroll implements HttpTransport {
        final int total;
        final int failAt;
        final int status;
        int failures;
        int passes;
        int requests;

        Scroll(int total, int failAt, int status, int failures) {
            this.total = total;
            this.failAt = failAt;
            this.status = status;
            this.failures = failures;
        }

        @Override
        public HttpReply send(HttpCall call) {
            requests++;
            int at = call.url().indexOf("scroll_param=");
            int index;
            if (at < 0) {
                passes++;
                index = 0;
            } else {
                index = Integer.parseInt(call.url().substring(call.url().lastIndexOf('-') + 1));
            }
            if (index == failAt && failures > 0) {
                failures--;
                return reply(status, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"server_error\",\"message\":\"Please restart"
                        + " the scroll operation.\"}]}");
            }
            String param = "pass" + passes + "-" + (index + 1);
            String data = index < total ? "[{\"type\":\"company\",\"id\":\"" + SeenIdsTest.objectId(index) + "\"}]" : "[]";
            return reply(200, "{\"type\":\"list\",\"data\":" + data + ",\"scroll_param\":\"" + param + "\"}");
        }

        private static HttpReply reply(int status, String body) {
            return new HttpReply(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<String> read(Scroll scroll) {
        TestClock clock = new TestClock();
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        IntercomClient client = new IntercomClient(new ClientSettings("https://api.intercom.io", new Secret("tok-scroll-test-1"),
                "2.14", "test", Duration.ofSeconds(10), RetryPolicy.standard(3)), scroll,
                new RateLimiter(clock, sleeper, Logger.discarding()), sleeper, clock, new Random(1), Logger.discarding());
        Iterator<Page> pages = new ScrollSource("/companies/scroll", "data")
                .open(client, new ReadWindow(Instant.EPOCH, Instant.now()));
        List<String> ids = new ArrayList<>();
        while (pages.hasNext()) {
            pages.next().records().forEach(record -> ids.add(record.path("id").asText()));
        }
        return ids;
    }

    @Test
    void aLongScrollGetsMoreRestartsAndHandsOnEachCompanyOnce() {
        // 300 pages: 5 restarts plus one per 50 pages of the longest pass (250 before it broke) = 10.
        Scroll scroll = new Scroll(300, 250, 500, 9);

        List<String> ids = read(scroll);

        assertEquals(300, ids.size(), "each company once, though ten passes read the first 250");
        assertEquals(300, new HashSet<>(ids).size());
        assertEquals(10, scroll.passes);
    }

    @Test
    void aShortScrollKeepsTheBudgetOfFive() {
        Scroll scroll = new Scroll(3, 2, 500, 6);

        RestartRequiredException e = assertThrows(RestartRequiredException.class, () -> read(scroll));

        assertTrue(e.getMessage().startsWith("GET /companies/scroll failed: 500"), e.getMessage());
        assertEquals(6, scroll.passes, "the first pass and five restarts");
    }

    @Test
    void aGatewayErrorIsRetriedInPlaceWithoutARestart() {
        Scroll scroll = new Scroll(100, 60, 503, 3);

        List<String> ids = read(scroll);

        assertEquals(100, Set.copyOf(ids).size());
        assertEquals(1, scroll.passes, "never restarted");
        assertEquals(101 + 3, scroll.requests, "100 pages, the empty last one, and three retries in place");
    }
}
