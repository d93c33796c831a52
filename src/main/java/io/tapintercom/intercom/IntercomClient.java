package io.tapintercom.intercom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.intercom.http.HttpCall;
import io.tapintercom.intercom.http.HttpReply;
import io.tapintercom.intercom.http.HttpTransport;
import io.tapintercom.intercom.http.NotSentException;
import io.tapintercom.intercom.http.UnresolvedHostException;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.Metrics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

/**
 * The one way to read from Intercom. Every request, from every stream and thread, goes through
 * {@link #send}: authentication, the pinned API version, rate-limit pacing, retries of what can
 * succeed later (429, 5xx, timeouts, dropped connections, cut-off bodies), and a clear error for
 * what cannot. Thread-safe.
 */
public final class IntercomClient {
    /** max_concurrency's default: enough for Intercom's default budget (166 requests/s) at 800 ms a request. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 200;

    private final ClientSettings settings;
    private final HttpTransport transport;
    private final RateLimiter limiter;
    private final InFlightLimiter inFlight;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Random random;
    private final Logger log;
    private final Metrics metrics;
    private final ClientStats stats = new ClientStats();
    /** Whether any HTTP answer came back in this run: after one, an unresolved host is a passing fault. */
    private volatile boolean reached;

    /** A client with the default ceiling of requests in flight. */
    public IntercomClient(ClientSettings settings, HttpTransport transport, RateLimiter limiter, Sleeper sleeper,
                          Clock clock, Random random, Logger log) {
        this(settings, transport, limiter, new InFlightLimiter(clock, limiter::allowedPerSecond, DEFAULT_MAX_IN_FLIGHT),
                sleeper, clock, random, log);
    }

    /** @param inFlight how many requests may be outstanding; its budget should be {@code limiter}'s */
    public IntercomClient(ClientSettings settings, HttpTransport transport, RateLimiter limiter, InFlightLimiter inFlight,
                          Sleeper sleeper, Clock clock, Random random, Logger log) {
        this.log = log;
        this.metrics = new Metrics(log);
        this.settings = settings;
        this.transport = transport;
        this.limiter = limiter;
        this.inFlight = inFlight;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
    }

    public ClientStats stats() {
        return stats;
    }

    /** The run's logger, for the sources and children that read through this client. */
    public Logger log() {
        return log;
    }

    /**
     * Requests in flight follow the budget and the latency, up to {@link InFlightLimiter#ceiling()}. Callers may
     * start as many concurrent reads as they like: {@link #send} waits for a place. A pool that feeds this client
     * should hold about limit() threads (the sync's workers follow it), so that the limiter, not a pool, bounds the
     * requests in flight and no thread waits for a place it cannot get.
     */
    public InFlightLimiter inFlight() {
        return inFlight;
    }

    /** Sends the request until it succeeds or cannot, and returns the parsed JSON body. */
    public JsonNode send(ApiRequest request) {
        HttpCall call = toCall(request);
        RetryPolicy policy = settings.retryPolicy();
        int failures = 0;
        int rateLimited = 0;
        long rateLimitedSince = -1;
        while (true) {
            Attempt attempt = attempt(request, call);
            if (attempt.body != null) {
                return attempt.body;
            }
            if (attempt.rateLimited) {
                stats.rateLimited();
                rateLimited++;
                // Measured on the injected clock from the first 429: the waits themselves happen in the limiter.
                long now = clock.millis();
                rateLimitedSince = rateLimitedSince < 0 ? now : rateLimitedSince;
                if (now - rateLimitedSince >= policy.maxRateLimitWait().toMillis()) {
                    throw new IntercomApiException(String.format("%s is still rate limited after %s of waiting (%d"
                            + " responses 429); giving up: max_rate_limit_wait is %s. Another integration may be spending"
                            + " this app's whole rate limit", request.describe(), seconds(now - rateLimitedSince),
                            rateLimited, seconds(policy.maxRateLimitWait().toMillis())), 429, "rate_limit_exceeded");
                }
                continue;
            }
            if (++failures > policy.maxRetries()) {
                throw new IntercomApiException(request.describe() + " failed after " + failures + " attempts; last: "
                        + attempt.problem, attempt.status, attempt.code);
            }
            stats.retry();
            Duration wait = attempt.minimumWait.compareTo(Duration.ZERO) > 0
                    ? attempt.minimumWait : policy.backoff(failures, random);
            log.warn("%s: %s; retry %d of %d in %.1f s", request.describe(), attempt.problem, failures,
                    policy.maxRetries(), wait.toMillis() / 1000.0);
            pause(wait);
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format("%.1f s", millis / 1000.0);
    }

    private Attempt attempt(ApiRequest request, HttpCall call) {
        HttpReply reply;
        long started;
        long booking;
        // A place in flight first, then the budget: a request booked in the rate limiter goes out at once.
        try (InFlightLimiter.Permit permit = inFlight.acquire()) {
            booking = limiter.acquire();
            stats.request();
            started = System.nanoTime();
            permit.sending();
            try {
                reply = transport.send(call);
            } catch (IOException e) {
                return failedToSend(request, started, e);
            }
            permit.answered();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntercomApiException(request.describe() + " was interrupted", 0, "interrupted");
        }
        return answered(request, reply, started, booking);
    }

    private Attempt failedToSend(ApiRequest request, long started, IOException e) {
        metric(request, null, started, false);
        if (Thread.currentThread().isInterrupted()) {
            // Cancelled (an abandoned prefetch, a shutdown): nobody wants this answer any more.
            throw new IntercomApiException(request.describe() + " was cancelled", 0, "interrupted");
        }
        return noResponse(request, e);
    }

    private Attempt answered(ApiRequest request, HttpReply reply, long started, long booking) {
        reached = true;
        limiter.observe(reply, booking);
        int status = reply.status();
        if (status >= 200 && status < 300) {
            Attempt parsed = parse(request, reply);
            // A 2xx whose body is empty or cut off is retried like any failure, so its metric says "failed".
            metric(request, status, started, parsed.body != null);
            return parsed;
        }
        metric(request, status, started, false);
        ErrorBody error = ErrorBody.of(reply, log.secrets());
        if (status == 429) {
            return Attempt.waitForRateLimit(); // the limiter, which saw the answer, says how long
        }
        if (status == 400 && "scroll_exists".equals(error.code())) {
            return Attempt.retry("another company scroll is open in this workspace (" + error.summary()
                    + "); another integration may be scrolling companies", status, error.code(),
                    settings.retryPolicy().scrollBusyWait());
        }
        if (RetryPolicy.isRetryableStatus(status)) {
            Attempt retry = Attempt.retry(status + " " + error.summary(), status, error.code(), Duration.ZERO);
            // A gateway's 502/503 never reached Intercom's application: even a scroll page can be asked again.
            return RetryPolicy.isGatewayRefusal(status) ? retry : unlessCursorMayHaveMoved(request, retry);
        }
        throw refusal(request, status, error);
    }

    /**
     * No HTTP answer. A host that never resolved in this run is a wrong setting, not a passing fault: one
     * clear line at once. Once Intercom has answered, a failed lookup is a network blip and is retried.
     */
    private Attempt noResponse(ApiRequest request, IOException e) {
        if (e instanceof UnresolvedHostException unresolved && !reached) {
            throw new IntercomApiException("the Intercom host \"" + unresolved.host() + "\" (from the "
                    + settings.hostSetting() + " setting) does not resolve: check " + settings.hostSetting()
                    + ", and this machine's network and DNS", 0, "unresolved_host");
        }
        Attempt retry = Attempt.retry("no response (" + e.getMessage() + ")", 0, null, Duration.ZERO);
        // Refused or never connected: nothing reached Intercom. Anything later (a timeout, a reset) may have
        // been processed.
        return e instanceof NotSentException ? retry : unlessCursorMayHaveMoved(request, retry);
    }

    /**
     * A failure after which Intercom may have processed the request. Most requests are simply sent again;
     * a scroll page may have moved the cursor past a page never received, so its reader must restart.
     */
    private static Attempt unlessCursorMayHaveMoved(ApiRequest request, Attempt retry) {
        if (request.restartable()) {
            throw new RestartRequiredException(request.describe() + " failed: " + retry.problem
                    + "; the scroll may have moved past a page that never arrived", retry.status, retry.code);
        }
        return retry;
    }

    private Attempt parse(ApiRequest request, HttpReply reply) {
        Attempt parsed = parse(reply);
        return parsed.body != null ? parsed : unlessCursorMayHaveMoved(request, parsed);
    }

    private Attempt parse(HttpReply reply) {
        if (reply.body().length == 0) {
            return Attempt.retry("an empty body with status " + reply.status(), reply.status(), null, Duration.ZERO);
        }
        try {
            JsonNode body = Json.MAPPER.readTree(reply.body());
            // The status goes in the problem too: after the last retry it is what the error reports as "last".
            if (body == null || !body.isObject()) {
                return Attempt.retry("a body that is not a JSON object with status " + reply.status(), reply.status(),
                        null, Duration.ZERO);
            }
            return Attempt.success(body);
        } catch (IOException e) {
            return Attempt.retry("a cut-off or unreadable JSON body with status " + reply.status(), reply.status(),
                    null, Duration.ZERO);
        }
    }

    private IntercomApiException refusal(ApiRequest request, int status, ErrorBody error) {
        if (status == 401) {
            return new IntercomApiException("the Intercom access token was rejected (401 " + error.summary()
                    + "); check access_token and region", status, error.code());
        }
        if (status == 403 || status == 404) {
            String cause = Permissions.likelyCause(status, error.code(), request.path());
            String message = status == 403
                    ? "Intercom refused " + request.describe() + ": 403 " + error.summary() + " (" + cause + ")"
                    : request.describe() + " failed: 404 " + error.summary();
            return new ResourceUnavailableException(message, status, error.code(), request.describe(), cause);
        }
        return new IntercomApiException(request.describe() + " failed: " + status + " " + error.summary(), status, error.code());
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntercomApiException("interrupted while waiting to retry", 0, "interrupted");
        }
    }

    private void metric(ApiRequest request, Integer status, long startedNanos, boolean succeeded) {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("endpoint", request.endpoint());
        if (status != null) {
            tags.put("http_status_code", status);
        }
        tags.put("status", succeeded ? "succeeded" : "failed");
        metrics.timer("http_request_duration", Math.round((System.nanoTime() - startedNanos) / 1_000_000.0) / 1000.0, tags);
    }

    private HttpCall toCall(ApiRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + settings.accessToken().reveal());
        headers.put("Intercom-Version", request.apiVersion() != null ? request.apiVersion() : settings.apiVersion());
        headers.put("Accept", "application/json");
        headers.put("User-Agent", settings.userAgent());
        String body = null;
        if (request.body() != null) {
            headers.put("Content-Type", "application/json");
            body = request.body().toString();
        }
        return new HttpCall(request.method(), url(request), headers, body, settings.requestTimeout());
    }

    /**
     * The full URL. A "next" link Intercom returns is absolute; only its path and query are kept and
     * put on the configured base, so the token only ever goes to the host the user chose.
     */
    String url(ApiRequest request) {
        String path = request.path();
        // Schemes are case-insensitive: "HTTPS://other.host/..." is absolute too.
        if (path.regionMatches(true, 0, "http://", 0, 7) || path.regionMatches(true, 0, "https://", 0, 8)) {
            URI uri = URI.create(path);
            path = (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        if (!path.startsWith("/")) {
            // Glued straight onto the base, "@evil.host/x" or ".evil.host/x" would change the host the token goes to.
            path = "/" + path;
        }
        StringBuilder url = new StringBuilder(settings.baseUrl()).append(path);
        if (!request.query().isEmpty()) {
            StringJoiner query = new StringJoiner("&");
            request.query().forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
            url.append(path.contains("?") ? '&' : '?').append(query);
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The outcome of one try: a body, a reason to retry (with any minimum wait), or a rate-limit wait. */
    private record Attempt(JsonNode body, boolean rateLimited, String problem, int status, String code, Duration minimumWait) {
        static Attempt success(JsonNode body) {
            return new Attempt(body, false, null, 200, null, Duration.ZERO);
        }

        static Attempt waitForRateLimit() {
            return new Attempt(null, true, "429 rate limited", 429, "rate_limit_exceeded", Duration.ZERO);
        }

        static Attempt retry(String problem, int status, String code, Duration minimumWait) {
            return new Attempt(null, false, problem, status, code, minimumWait);
        }
    }
}
