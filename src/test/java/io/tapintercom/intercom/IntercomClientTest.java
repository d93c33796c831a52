package io.tapintercom.intercom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tapintercom.config.Secret;
import io.tapintercom.intercom.http.JdkTransport;
import io.tapintercom.singer.Json;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import io.tapintercom.singer.LogCapture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against a real HTTP server that misbehaves the ways Intercom (and networks) do. */
class IntercomClientTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static final String TOKEN = "tok-5f0c2a9e-very-secret-intercom-token";
    static final String CONTACTS = "{\"type\":\"list\",\"data\":[{\"type\":\"contact\",\"id\":\"c1\"},"
            + "{\"type\":\"contact\",\"id\":\"c2\"}]}";

    private final LogCapture log = new LogCapture();
    private TestClock clock;
    private RecordingSleeper sleeper;
    private JdkTransport transport;
    private IntercomClient client;

    @BeforeEach
    void setUp() {
        clock = new TestClock();
        sleeper = new RecordingSleeper(clock);
        transport = JdkTransport.create(Duration.ofSeconds(2));
        client = client(RetryPolicy.standard(3));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + wm.getPort();
    }

    /**
     * A request timeout far above what a local answer needs even on a loaded machine, so that only the
     * test that means to time out ever does (a spurious timeout would add a request to the counts).
     */
    private IntercomClient client(RetryPolicy policy) {
        return client(policy, Duration.ofSeconds(10));
    }

    private IntercomClient client(RetryPolicy policy, Duration requestTimeout) {
        ClientSettings settings = new ClientSettings(baseUrl(), new Secret(TOKEN), "2.14", "tap-intercom/test",
                requestTimeout, policy);
        // The config loader gives the token to the run's secrets; here the test does.
        log.logger().secrets().add(TOKEN);
        return new IntercomClient(settings, transport, new RateLimiter(clock, sleeper, log.logger()), sleeper, clock, new Random(1),
                log.logger());
    }

    /** The request gets these responses in turn; the last one is repeated for ever after. */
    private static void sequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            ScenarioMappingBuilder mapping = request.get().inScenario("sequence")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i)
                    .willReturn(responses[i]);
            if (i + 1 < responses.length) {
                mapping = mapping.willSetStateTo("step-" + (i + 1));
            }
            wm.stubFor(mapping);
        }
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error.list\",\"request_id\":\"b7c1\",\"errors\":[{\"code\":\"" + code
                        + "\",\"message\":\"" + message + "\"}]}");
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("data").forEach(record -> ids.add(record.path("id").asText()));
        return ids;
    }

    private static void assertBackoffBounds(List<Duration> sleeps) {
        for (int i = 0; i < sleeps.size(); i++) {
            long ceiling = 1000L << i;
            long waited = sleeps.get(i).toMillis();
            assertTrue(waited >= ceiling / 2 && waited <= ceiling, "retry " + (i + 1) + " waited " + waited + " ms");
        }
    }

    // --- the happy path -------------------------------------------------------------------------

    @Test
    void sendsTheTokenVersionAndClientHeadersAndReturnsTheParsedBody() {
        wm.stubFor(get("/contacts").willReturn(okJson(CONTACTS)));

        JsonNode body = client.send(ApiRequest.get("contacts", "/contacts"));

        assertEquals(List.of("c1", "c2"), ids(body));
        wm.verify(1, getRequestedFor(urlEqualTo("/contacts"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Intercom-Version", equalTo("2.14"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("tap-intercom/test")));
        assertEquals(List.of(), sleeper.sleeps());
        assertEquals(1, client.stats().requests());
    }

    // --- rate limits ----------------------------------------------------------------------------

    @Test
    void a429WaitsUntilTheAnnouncedResetNotAFixedBackoff() {
        long reset = clock.epochSeconds() + 7;
        sequence(() -> get("/contacts"),
                error(429, "rate_limit_exceeded", "Exceeded rate limit of 167 in 10_seconds")
                        .withHeader("X-RateLimit-Limit", "167")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Long.toString(reset)),
                okJson(CONTACTS)
                        .withHeader("X-RateLimit-Limit", "167")
                        .withHeader("X-RateLimit-Remaining", "166")
                        .withHeader("X-RateLimit-Reset", Long.toString(reset + 10)));

        JsonNode body = client.send(ApiRequest.get("contacts", "/contacts"));

        assertEquals(List.of("c1", "c2"), ids(body));
        long resumeAt = reset * 1000 + RateLimiter.RESET_MARGIN.toMillis();
        assertEquals(List.of(resumeAt), sleeper.wakeMillis(), "one wait, ending at the reset plus the margin");
        assertEquals(Duration.ofMillis(7250), sleeper.sleeps().get(0));
        assertEquals(1, client.stats().rateLimitedResponses());
        assertEquals(0, client.stats().retries(), "a 429 is a wait, not a spent retry");
        wm.verify(2, getRequestedFor(urlEqualTo("/contacts")));
    }

    @Test
    void a429WithoutHeadersWaitsAWholeWindow() {
        sequence(() -> get("/contacts"), error(429, "rate_limit_exceeded", "Exceeded rate limit"), okJson(CONTACTS));

        JsonNode body = client.send(ApiRequest.get("contacts", "/contacts"));

        assertEquals(List.of("c1", "c2"), ids(body));
        assertEquals(List.of(Duration.ofMillis(10_000).plus(RateLimiter.RESET_MARGIN)), sleeper.sleeps());
    }

    @Test
    void manyConsecutive429sDoNotUseUpTheRetries() {
        long reset = clock.epochSeconds() + 2;
        ResponseDefinitionBuilder[] responses = new ResponseDefinitionBuilder[7];
        for (int i = 0; i < 6; i++) {
            // Each 429 announces the end of the window it was refused in: 10 s after the previous one.
            responses[i] = error(429, "rate_limit_exceeded", "Exceeded rate limit of 83 in 10_seconds")
                    .withHeader("X-RateLimit-Limit", "83")
                    .withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-Reset", Long.toString(reset + 10L * i));
        }
        responses[6] = okJson(CONTACTS);
        sequence(() -> get("/contacts"), responses);

        JsonNode body = client.send(ApiRequest.get("contacts", "/contacts"));

        assertEquals(List.of("c1", "c2"), ids(body));
        assertEquals(6, client.stats().rateLimitedResponses());
        assertEquals(6, sleeper.sleeps().size());
        for (int i = 0; i < 6; i++) {
            assertEquals((reset + 10L * i) * 1000 + 250, sleeper.wakeMillis().get(i));
        }
    }

    @Test
    void endlessRateLimitingEventuallyFailsWithAClearMessage() {
        IntercomClient client = client(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(61), Duration.ofSeconds(15)));
        wm.stubFor(get("/contacts").willReturn(error(429, "rate_limit_exceeded", "Exceeded rate limit of 83 in 10_seconds")));

        IntercomApiException e = assertThrows(IntercomApiException.class,
                () -> client.send(ApiRequest.get("contacts", "/contacts")));

        assertEquals(429, e.status());
        assertEquals("GET /contacts is still rate limited after 20.5 s of waiting (3 responses 429); giving up:"
                + " max_rate_limit_wait is 15 s. Another integration may be spending this app's whole rate limit",
                e.getMessage());
        wm.verify(3, getRequestedFor(urlEqualTo("/contacts")));
        assertEquals(2, sleeper.sleeps().size(), "a whole window's wait before each retry");
    }

    @Test
    void anExhaustedBudgetHoldsTheNextRequestUntilTheWindowResets() {
        long reset = clock.epochSeconds() + 4;
        wm.stubFor(get("/admins").willReturn(okJson("{\"type\":\"admin.list\",\"admins\":[{\"id\":\"7\"}]}")
                .withHeader("X-RateLimit-Limit", "83")
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(reset))));

        client.send(ApiRequest.get("admins", "/admins"));
        assertEquals(List.of(), sleeper.sleeps(), "the first request had budget");
        JsonNode second = client.send(ApiRequest.get("admins", "/admins"));

        assertEquals("7", second.path("admins").path(0).path("id").asText());
        assertEquals(List.of(reset * 1000 + 250), sleeper.wakeMillis(), "the second waited for the new window");
        wm.verify(2, getRequestedFor(urlEqualTo("/admins")));
    }

    // --- transient failures are retried ---------------------------------------------------------

    @Test
    void aBurstOf503sIsRetriedWithBackoffUntilItSucceeds() {
        sequence(() -> get("/contacts"),
                error(503, "service_unavailable", "Service Unavailable"),
                error(503, "service_unavailable", "Service Unavailable"),
                aResponse().withStatus(503).withBody("<html>upstream connect error</html>"),
                okJson(CONTACTS));

        JsonNode body = client.send(ApiRequest.get("contacts", "/contacts"));

        assertEquals(List.of("c1", "c2"), ids(body));
        assertEquals(3, sleeper.sleeps().size());
        assertBackoffBounds(sleeper.sleeps());
        assertEquals(3, client.stats().retries());
        wm.verify(4, getRequestedFor(urlEqualTo("/contacts")));
    }

    @Test
    void a408IsRetried() {
        sequence(() -> get("/contacts"), error(408, "request_timeout", "Request Timeout"), okJson(CONTACTS));

        assertEquals(List.of("c1", "c2"), ids(client.send(ApiRequest.get("contacts", "/contacts"))));
        wm.verify(2, getRequestedFor(urlEqualTo("/contacts")));
    }

    @Test
    void aConnectionResetIsRetried() {
        sequence(() -> get("/contacts"), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(CONTACTS));

        JsonNode body = client.send(ApiRequest.get("contacts", "/contacts"));

        assertEquals(List.of("c1", "c2"), ids(body));
        assertEquals(1, sleeper.sleeps().size());
        wm.verify(2, getRequestedFor(urlEqualTo("/contacts")));
    }

    @Test
    void aMalformedChunkIsRetried() {
        sequence(() -> get("/contacts"), aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), okJson(CONTACTS));

        JsonNode body = client.send(ApiRequest.get("contacts", "/contacts"));

        assertEquals(List.of("c1", "c2"), ids(body));
        wm.verify(2, getRequestedFor(urlEqualTo("/contacts")));
    }

    @Test
    void garbageThenCloseIsRetried() {
        sequence(() -> get("/contacts"), aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), okJson(CONTACTS));

        assertEquals(List.of("c1", "c2"), ids(client.send(ApiRequest.get("contacts", "/contacts"))));
        wm.verify(2, getRequestedFor(urlEqualTo("/contacts")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"list\",\"data\":[{\"type\":\"contact\",\"id\":\"c1\"},{\"type\":\"con",
            "",
            "<html><body>502 Bad Gateway</body></html>",
            "[]"})
    void a200WhoseBodyIsCutOffEmptyOrNotAnObjectIsRetried(String badBody) {
        sequence(() -> get("/contacts"),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(badBody),
                okJson(CONTACTS));

        JsonNode body = client.send(ApiRequest.get("contacts", "/contacts"));

        assertEquals(List.of("c1", "c2"), ids(body));
        assertEquals(1, client.stats().retries());
        wm.verify(2, getRequestedFor(urlEqualTo("/contacts")));
    }

    @Test
    void aResponseSlowerThanTheTimeoutIsRetried() {
        IntercomClient impatient = client(RetryPolicy.standard(3), Duration.ofMillis(500));
        sequence(() -> get("/contacts"), okJson(CONTACTS).withFixedDelay(2_000),
                okJson("{\"type\":\"list\",\"data\":[{\"type\":\"contact\",\"id\":\"fast\"}]}"));

        JsonNode body = impatient.send(ApiRequest.get("contacts", "/contacts"));

        assertEquals(List.of("fast"), ids(body), "the slow answer was abandoned, a retry's answer returned");
        // At least one retry; more only if a loaded machine also let a fast answer take over 500 ms.
        assertTrue(impatient.stats().retries() >= 1);
        assertEquals(impatient.stats().retries() + 1, wm.findAll(getRequestedFor(urlEqualTo("/contacts"))).size());
    }

    @Test
    void aSearchPostIsRetriedWithTheSameBody() {
        String search = "{\"query\":{\"field\":\"updated_at\",\"operator\":\">\",\"value\":1700000000},"
                + "\"sort\":{\"field\":\"updated_at\",\"order\":\"ascending\"},"
                + "\"pagination\":{\"per_page\":150,\"starting_after\":\"WzE3MDc5MzAwODEwMDAsMTMxLDJd\"}}";
        sequence(() -> post("/contacts/search"),
                error(429, "rate_limit_exceeded", "Exceeded rate limit"),
                error(502, "server_error", "Bad Gateway"),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                okJson(CONTACTS));

        JsonNode body = client.send(ApiRequest.post("contacts_search", "/contacts/search", json(search)));

        assertEquals(List.of("c1", "c2"), ids(body));
        wm.verify(4, postRequestedFor(urlEqualTo("/contacts/search")));
        wm.verify(4, postRequestedFor(urlEqualTo("/contacts/search"))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson(search)));
    }

    @Test
    void scrollExistsWaitsForTheOtherScrollToExpire() {
        sequence(() -> get("/companies/scroll"),
                error(400, "scroll_exists", "scroll already exists for this app"),
                okJson("{\"type\":\"list\",\"data\":[{\"type\":\"company\",\"id\":\"co1\"}],\"scroll_param\":\"abc\"}"));

        JsonNode body = client.send(ApiRequest.get("companies_scroll", "/companies/scroll").asRestartable());

        assertEquals(List.of("co1"), ids(body));
        assertEquals(List.of(RetryPolicy.standard(3).scrollBusyWait()), sleeper.sleeps());
    }

    @Test
    void aRestartableScrollPageIsNotRetriedOn5xx() {
        wm.stubFor(get(urlPathEqualTo("/companies/scroll")).willReturn(error(500, "server_error",
                "Request failed due to an internal network error. Please restart the scroll operation.")));

        IntercomApiException e = assertThrows(IntercomApiException.class, () -> client.send(
                ApiRequest.get("companies_scroll", "/companies/scroll").withQuery("scroll_param", "p1").asRestartable()));

        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("GET /companies/scroll"), e.getMessage());
        assertTrue(e.getMessage().contains("restart the scroll"), e.getMessage());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/companies/scroll")));
        assertEquals(List.of(), sleeper.sleeps());
    }

    // --- giving up ------------------------------------------------------------------------------

    @Test
    void exhaustedRetriesNameTheEndpointAndTheLastStatus() {
        wm.stubFor(get("/conversations").willReturn(error(503, "service_unavailable", "Service Unavailable")));

        IntercomApiException e = assertThrows(IntercomApiException.class,
                () -> client.send(ApiRequest.get("conversations", "/conversations")));

        assertEquals(503, e.status());
        assertEquals("service_unavailable", e.code());
        assertTrue(e.getMessage().contains("GET /conversations"), e.getMessage());
        assertTrue(e.getMessage().contains("4 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("503 service_unavailable: Service Unavailable"), e.getMessage());
        wm.verify(4, getRequestedFor(urlEqualTo("/conversations")));
        assertEquals(3, sleeper.sleeps().size());
        assertBackoffBounds(sleeper.sleeps());
    }

    @Test
    void exhaustedRetriesOnCutOffBodiesSayWhatCameBack() {
        wm.stubFor(get("/conversations").willReturn(aResponse().withStatus(200).withBody("{\"conversations\":[")));

        IntercomApiException e = assertThrows(IntercomApiException.class,
                () -> client.send(ApiRequest.get("conversations", "/conversations")));

        assertEquals(200, e.status());
        assertTrue(e.getMessage().contains("GET /conversations"), e.getMessage());
        assertTrue(e.getMessage().contains("status 200"), e.getMessage());
        wm.verify(4, getRequestedFor(urlEqualTo("/conversations")));
    }

    @Test
    void exhaustedRetriesOnDroppedConnectionsSayNoResponseCame() {
        wm.stubFor(get("/conversations").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        IntercomApiException e = assertThrows(IntercomApiException.class,
                () -> client.send(ApiRequest.get("conversations", "/conversations")));

        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("GET /conversations failed after 4 attempts; last: no response"),
                e.getMessage());
        wm.verify(4, getRequestedFor(urlEqualTo("/conversations")));
    }

    @Test
    void a401FailsAtOnceWithAClearMessage() {
        wm.stubFor(get("/admins").willReturn(error(401, "unauthorized", "Access Token Invalid")));

        IntercomApiException e = assertThrows(IntercomApiException.class,
                () -> client.send(ApiRequest.get("admins", "/admins")));

        assertEquals(401, e.status());
        assertEquals("unauthorized", e.code());
        assertTrue(e.getMessage().startsWith("the Intercom access token was rejected (401 unauthorized: Access Token Invalid)"),
                e.getMessage());
        wm.verify(1, getRequestedFor(urlEqualTo("/admins")));
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void a403FailsAtOnceWithIntercomsCodeAndMessage() {
        wm.stubFor(get("/conversations").willReturn(error(403, "api_plan_restricted", "Active subscription needed.")));

        IntercomApiException e = assertThrows(IntercomApiException.class,
                () -> client.send(ApiRequest.get("conversations", "/conversations")));

        assertEquals(403, e.status());
        assertEquals("api_plan_restricted", e.code());
        assertTrue(e.getMessage().contains("GET /conversations"), e.getMessage());
        assertTrue(e.getMessage().contains("403 api_plan_restricted: Active subscription needed"), e.getMessage());
        wm.verify(1, getRequestedFor(urlEqualTo("/conversations")));
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void a404FailsAtOnceAndSaysNotFound() {
        wm.stubFor(get("/contacts/abc").willReturn(error(404, "not_found", "Resource Not Found")));

        IntercomApiException e = assertThrows(IntercomApiException.class,
                () -> client.send(ApiRequest.get("contact", "/contacts/abc")));

        assertTrue(e.isNotFound());
        assertEquals("not_found", e.code());
        assertEquals("GET /contacts/abc failed: 404 not_found: Resource Not Found", e.getMessage());
        wm.verify(1, getRequestedFor(urlEqualTo("/contacts/abc")));
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void otherClientErrorsFailAtOnceEvenWithoutAnErrorEnvelope() {
        wm.stubFor(get("/contacts").willReturn(aResponse().withStatus(400).withBody("Bad   request\n")));

        IntercomApiException e = assertThrows(IntercomApiException.class,
                () -> client.send(ApiRequest.get("contacts", "/contacts")));

        assertEquals(400, e.status());
        assertNull(e.code());
        assertEquals("GET /contacts failed: 400 Bad request", e.getMessage());
        wm.verify(1, getRequestedFor(urlEqualTo("/contacts")));
    }

    // --- secrets and logs -----------------------------------------------------------------------

    @Test
    void theTokenNeverAppearsInExceptionsOrLogs() {
        // A misbehaving proxy that echoes the request's Authorization header back in its error pages.
        ResponseDefinitionBuilder echo502 = aResponse().withStatus(502)
                .withBody("bad gateway for {{request.headers.Authorization}}").withTransformers("response-template");
        ResponseDefinitionBuilder echo401 = aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error.list\",\"errors\":[{\"code\":\"unauthorized\","
                        + "\"message\":\"token {{request.headers.Authorization}} is not valid\"}]}")
                .withTransformers("response-template");
        wm.stubFor(get("/admins").willReturn(echo401));
        wm.stubFor(get("/teams").willReturn(echo502));
        sequence(() -> get("/tags"), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(200).withBody("{\"cut"), okJson("{\"type\":\"list\",\"data\":[]}"));

        List<String> messages = new ArrayList<>();
        messages.add(assertThrows(IntercomApiException.class,
                () -> client.send(ApiRequest.get("admins", "/admins"))).getMessage());
        messages.add(assertThrows(IntercomApiException.class,
                () -> client.send(ApiRequest.get("teams", "/teams"))).getMessage());
        client.send(ApiRequest.get("tags", "/tags"));
        String log = this.log.text();

        // The server really did see (and echo) the token, so the checks below are not vacuous.
        assertTrue(wm.getAllServeEvents().stream().anyMatch(event ->
                event.getResponse().getBodyAsString().contains(TOKEN)), "the fake echoed the header");
        assertTrue(log.contains("METRIC"), log);
        assertTrue(log.contains("retry"), log);
        for (String message : messages) {
            assertFalse(message.contains(TOKEN), message);
        }
        assertFalse(log.contains(TOKEN), log);
        assertFalse(log.contains("Bearer tok"), log);
    }

    @Test
    void everyAttemptLogsATimerMetric() throws Exception {
        sequence(() -> get("/contacts"),
                error(503, "service_unavailable", "Service Unavailable"),
                aResponse().withStatus(200).withBody("{\"data\":["),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                okJson(CONTACTS));

        List<JsonNode> metrics = new ArrayList<>();
        assertEquals(List.of("c1", "c2"), ids(client.send(ApiRequest.get("contacts", "/contacts"))));
        for (String line : log.lines()) {
            if (line.startsWith("INFO METRIC: ")) {
                metrics.add(Json.MAPPER.readTree(line.substring("INFO METRIC: ".length())));
            }
        }

        assertEquals(4, metrics.size(), metrics.toString());
        for (JsonNode metric : metrics) {
            assertEquals("timer", metric.path("type").asText());
            assertEquals("http_request_duration", metric.path("metric").asText());
            assertTrue(metric.path("value").isNumber());
            assertEquals("contacts", metric.path("tags").path("endpoint").asText());
        }
        assertAll(
                () -> assertEquals(503, metrics.get(0).path("tags").path("http_status_code").asInt()),
                () -> assertEquals("failed", metrics.get(0).path("tags").path("status").asText()),
                () -> assertEquals(200, metrics.get(1).path("tags").path("http_status_code").asInt()),
                () -> assertEquals("failed", metrics.get(1).path("tags").path("status").asText(),
                        "a cut-off 200 is a failed request: it had to be retried"),
                () -> assertTrue(metrics.get(2).path("tags").path("http_status_code").isMissingNode(),
                        "no response, no status"),
                () -> assertEquals("failed", metrics.get(2).path("tags").path("status").asText()),
                () -> assertEquals(200, metrics.get(3).path("tags").path("http_status_code").asInt()),
                () -> assertEquals("succeeded", metrics.get(3).path("tags").path("status").asText()));
    }

    // --- "next" links ---------------------------------------------------------------------------

    @Test
    void aNextLinkToAnotherHostIsFetchedFromTheConfiguredBaseUrl() {
        wm.stubFor(get("/conversations/deleted?per_page=2&order=desc&page=2").willReturn(okJson(CONTACTS)));

        JsonNode body = client.send(ApiRequest.get("deleted_conversations",
                "https://api.intercom.io/conversations/deleted?per_page=2&order=desc&page=2"));

        assertEquals(List.of("c1", "c2"), ids(body));
        wm.verify(1, getRequestedFor(urlEqualTo("/conversations/deleted?per_page=2&order=desc&page=2"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example.com/contacts?page=2",
            "HTTPS://evil.example.com/contacts?page=2",
            "http://user@evil.example.com:8443/contacts?page=2",
            "@evil.example.com/contacts?page=2",
            ".evil.example.com/contacts?page=2",
            ":1@evil.example.com/contacts?page=2"})
    void theTokenOnlyEverGoesToTheConfiguredHost(String next) {
        String url = client.url(ApiRequest.get("contacts", next));

        URI uri = URI.create(url);
        assertEquals("127.0.0.1", uri.getHost(), url);
        assertEquals(wm.getPort(), uri.getPort(), url);
        assertNull(uri.getUserInfo(), url);
        assertTrue(url.startsWith(baseUrl() + "/"), url);
    }

    @Test
    void queryParametersAreEncodedAndAppendedToANextLinksOwnQuery() {
        ApiRequest request = ApiRequest.get("contacts", "https://api.intercom.io/contacts?page=2")
                .withQuery("starting_after", "WzE3MDc5MzAw+/=");

        assertEquals(baseUrl() + "/contacts?page=2&starting_after=WzE3MDc5MzAw%2B%2F%3D", client.url(request));
        assertEquals(baseUrl() + "/contacts?per_page=50",
                client.url(ApiRequest.get("contacts", "/contacts").withQuery("per_page", "50")));
    }
}
