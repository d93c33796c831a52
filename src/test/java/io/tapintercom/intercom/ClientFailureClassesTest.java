package io.tapintercom.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.config.Secret;
import io.tapintercom.intercom.http.HttpCall;
import io.tapintercom.intercom.http.HttpReply;
import io.tapintercom.intercom.http.HttpTransport;
import io.tapintercom.intercom.http.JdkTransport;
import io.tapintercom.intercom.http.NotSentException;
import io.tapintercom.intercom.http.UnresolvedHostException;
import io.tapintercom.singer.LogCapture;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the client tells failures apart: a stall is a timeout, a rate limit that never lifts ends, a host
 * that never resolved is a wrong setting, and a scroll page is asked again only when its cursor cannot
 * have moved.
 */
class ClientFailureClassesTest {
    private final LogCapture log = new LogCapture();
    static final String CONTACTS = "{\"type\":\"list\",\"data\":[{\"id\":\"c1\"},{\"id\":\"c2\"}]}";
    static final String SCROLL_PAGE = "{\"type\":\"list\",\"data\":[{\"id\":\"co1\"}],\"scroll_param\":\"p2\"}";

    private TestClock clock;
    private RecordingSleeper sleeper;

    @BeforeEach
    void setUp() {
        clock = new TestClock();
        sleeper = new RecordingSleeper(clock);
    }

    private IntercomClient client(String baseUrl, HttpTransport transport, Duration timeout) {
        ClientSettings settings = new ClientSettings(baseUrl, new Secret("tok-classes-test-0123456789"), "2.14",
                "tap-intercom/test", timeout, RetryPolicy.standard(3), "region");
        return new IntercomClient(settings, transport, new RateLimiter(clock, sleeper, log.logger()), sleeper, clock,
                new Random(1), log.logger());
    }

    private IntercomClient client(HttpTransport transport) {
        return client("https://api.intercom.io", transport, Duration.ofSeconds(10));
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("data").forEach(record -> ids.add(record.path("id").asText()));
        return ids;
    }

    // --- hangs ----------------------------------------------------------------------------------

    @Test
    void aResponseThatStallsAfterItsHeadersTimesOutAndIsRetried() throws Exception {
        try (StallingServer server = StallingServer.start(CONTACTS)) {
            IntercomClient impatient = client(server.baseUrl(), JdkTransport.create(Duration.ofSeconds(5)),
                    Duration.ofSeconds(1));

            JsonNode body = impatient.send(ApiRequest.get("contacts", "/contacts"));

            assertEquals(List.of("c1", "c2"), ids(body), "the stalled answer was abandoned, the retry's returned");
            assertEquals(1, impatient.stats().retries());
            assertEquals(2, server.connections());
            assertTrue(server.stalledConnectionClosed().await(30, TimeUnit.SECONDS),
                    "the stalled exchange's connection is closed, not left open");
        }
    }

    /** The "429 forever": every answer announces a reset 2 s ahead; the default gives up after 10 minutes. */
    @Test
    void aRateLimitThatNeverLiftsEndsAfterMaxRateLimitWait() {
        Script script = new Script();
        HttpTransport alwaysLimited = call -> {
            script.calls.add(call);
            return new HttpReply(429, Map.of("X-RateLimit-Limit", "83", "X-RateLimit-Remaining", "0",
                    "X-RateLimit-Reset", Long.toString(clock.epochSeconds() + 2)), bytes("{}"));
        };
        IntercomClient limited = client(alwaysLimited);

        IntercomApiException e = assertThrows(IntercomApiException.class,
                () -> limited.send(ApiRequest.get("contacts", "/contacts")));

        assertTrue(e.getMessage().startsWith("GET /contacts is still rate limited after 60"), e.getMessage());
        assertTrue(e.getMessage().contains("max_rate_limit_wait is 600 s"), e.getMessage());
        Duration waited = sleeper.total();
        assertTrue(waited.compareTo(RetryPolicy.DEFAULT_MAX_RATE_LIMIT_WAIT) >= 0
                && waited.compareTo(RetryPolicy.DEFAULT_MAX_RATE_LIMIT_WAIT.plusSeconds(3)) <= 0, "waited " + waited);
        assertEquals(script.calls.size(), limited.stats().rateLimitedResponses());
        assertEquals(0, limited.stats().retries());
    }

    /** A reset ten years ahead, on every answer, is taken for the longest window Intercom has: 60 s. */
    @Test
    void aResetFurtherAwayThanAWindowIsCappedWithAWarning() {
        long tenYears = clock.epochSeconds() + 10L * 365 * 24 * 3600;
        Map<String, String> farReset = Map.of("X-RateLimit-Limit", "83", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(tenYears));
        Script script = new Script().reply(429, farReset, "{}").reply(200, farReset, CONTACTS)
                .reply(200, farReset, CONTACTS);
        IntercomClient client = client(script);

        assertEquals(List.of("c1", "c2"), ids(client.send(ApiRequest.get("contacts", "/contacts"))));
        assertEquals(List.of("c1", "c2"), ids(client.send(ApiRequest.get("contacts", "/contacts"))));

        Duration window = RateLimiter.LONGEST_WINDOW.plus(RateLimiter.RESET_MARGIN);
        assertEquals(List.of(window, window), sleeper.sleeps(), "one capped wait before each request after the first");
        assertTrue(log.text().contains("Intercom announced a rate-limit reset 315360000 s away (X-RateLimit-Reset: "
                + tenYears + "); windows last at most 60 s, so the tap waits no more than that"), log.text());
    }

    // --- a host that does not resolve -----------------------------------------------------------

    @Test
    void aHostThatNeverResolvedFailsAtOnceNamingTheHostAndTheSetting() {
        Script script = new Script().fail(new UnresolvedHostException("api.au.intercom.io", null));
        IntercomClient client = client(script);

        IntercomApiException e = assertThrows(IntercomApiException.class,
                () -> client.send(ApiRequest.get("admins", "/admins")));

        assertEquals("the Intercom host \"api.au.intercom.io\" (from the region setting) does not resolve: check region,"
                + " and this machine's network and DNS", e.getMessage());
        assertEquals(1, script.calls.size());
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void onceTheHostHasAnsweredAFailedLookupIsAPassingFault() {
        Script script = new Script().reply(200, Map.of(), CONTACTS)
                .fail(new UnresolvedHostException("api.intercom.io", null)).reply(200, Map.of(), CONTACTS);
        IntercomClient client = client(script);
        client.send(ApiRequest.get("contacts", "/contacts"));

        assertEquals(List.of("c1", "c2"), ids(client.send(ApiRequest.get("contacts", "/contacts"))));
        assertEquals(1, client.stats().retries());
    }

    @Test
    void theTransportTellsAnUnresolvedHostAndARefusedConnectionFromOtherFailures() throws Exception {
        HttpTransport jdk = JdkTransport.create(Duration.ofSeconds(2));
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        HttpCall refused = new HttpCall("GET", "http://127.0.0.1:" + closedPort + "/admins", Map.of(), null,
                Duration.ofSeconds(5));

        IOException e = assertThrows(IOException.class, () -> jdk.send(refused));

        assertTrue(e instanceof NotSentException, e.toString());
    }

    // --- scroll pages: again in place only if the cursor cannot have moved ------------------------

    private static ApiRequest scrollPage() {
        return ApiRequest.get("companies_scroll", "/companies/scroll").withQuery("scroll_param", "p1").asRestartable();
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503})
    void aScrollPageRefusedByTheGatewayIsAskedAgainInPlace(int status) {
        Script script = new Script().reply(status, Map.of(), "<html>gateway</html>").reply(200, Map.of(), SCROLL_PAGE);

        assertEquals(List.of("co1"), ids(client(script).send(scrollPage())));
        assertEquals(2, script.calls.size());
        assertTrue(script.calls.get(1).url().endsWith("scroll_param=p1"), "the same cursor again");
    }

    @Test
    void aScrollPageNeverSentIsAskedAgainInPlace() {
        Script script = new Script().fail(new NotSentException("ConnectException: Connection refused", null))
                .reply(200, Map.of(), SCROLL_PAGE);

        assertEquals(List.of("co1"), ids(client(script).send(scrollPage())));
        assertEquals(2, script.calls.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "504", "reset", "cut-off"})
    void aScrollPageThatMayHaveMovedTheCursorAsksForARestart(String failure) {
        Script script = new Script();
        switch (failure) {
            case "reset": script.fail(new IOException("SocketException: Connection reset")); break;
            case "cut-off": script.reply(200, Map.of(), SCROLL_PAGE.substring(0, 20)); break;
            default: script.reply(Integer.parseInt(failure), Map.of(), "{}"); break;
        }
        IntercomClient client = client(script);

        RestartRequiredException e = assertThrows(RestartRequiredException.class, () -> client.send(scrollPage()));

        assertTrue(e.getMessage().startsWith("GET /companies/scroll failed: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("the scroll may have moved past a page that never arrived"), e.getMessage());
        assertEquals(1, script.calls.size(), "never asked again with a cursor that may have moved");
    }

    @Test
    void otherRequestsAreRetriedAfterTheSameFailures() {
        Script script = new Script().reply(500, Map.of(), "{}").fail(new IOException("SocketException: Connection reset"))
                .reply(200, Map.of(), CONTACTS.substring(0, 20)).reply(200, Map.of(), CONTACTS);

        assertEquals(List.of("c1", "c2"), ids(client(script).send(ApiRequest.get("contacts", "/contacts"))));
        assertEquals(4, script.calls.size());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Answers with scripted replies or failures, in order, and keeps every call. */
    private static final class Script implements HttpTransport {
        final List<HttpCall> calls = new ArrayList<>();
        private final Deque<Object> outcomes = new ArrayDeque<>();

        Script reply(int status, Map<String, String> headers, String body) {
            outcomes.add(new HttpReply(status, headers, bytes(body)));
            return this;
        }

        Script fail(IOException failure) {
            outcomes.add(failure);
            return this;
        }

        @Override
        public synchronized HttpReply send(HttpCall call) throws IOException {
            calls.add(call);
            Object next = outcomes.poll();
            if (next instanceof IOException failure) {
                throw failure;
            }
            if (next == null) {
                throw new AssertionError("unexpected call " + call);
            }
            return (HttpReply) next;
        }
    }
}
