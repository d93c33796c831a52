package io.tapintercom.fake;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that shapes a fake server run. Immutable; change a copy with {@link #toBuilder()}.
 * Rates are fractions of authenticated, non-throttled requests in [0, 1].
 */
public final class FakeOptions {
    /** Fixed so generated timestamps (and therefore every byte served) repeat from run to run. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-11-01T00:00:00Z");
    public static final String DEFAULT_TOKEN = "fake-intercom-token";

    private final WorkspaceProfile profile;
    private final long seed;
    private final String accessToken;
    private final int port;
    private final int latencyMillis;
    private final int searchLatencyMillis;
    private final int rateLimitPer10Seconds;
    private final double serverErrorRate;
    private final double truncatedBodyRate;
    private final double droppedConnectionRate;
    private final double scrollFailureRate;
    private final int scrollIdleExpirySeconds;
    private final int scrollPageSize;
    private final Clock clock;
    private final Instant now;
    private final Set<String> refusedRoutes;

    private FakeOptions(Builder b) {
        this.profile = Objects.requireNonNull(b.profile, "profile");
        this.seed = b.seed;
        this.accessToken = Objects.requireNonNull(b.accessToken, "accessToken");
        this.port = b.port;
        this.latencyMillis = b.latencyMillis;
        this.searchLatencyMillis = b.searchLatencyMillis;
        this.rateLimitPer10Seconds = b.rateLimitPer10Seconds;
        this.serverErrorRate = rate(b.serverErrorRate, "serverErrorRate");
        this.truncatedBodyRate = rate(b.truncatedBodyRate, "truncatedBodyRate");
        this.droppedConnectionRate = rate(b.droppedConnectionRate, "droppedConnectionRate");
        this.scrollFailureRate = rate(b.scrollFailureRate, "scrollFailureRate");
        this.scrollIdleExpirySeconds = b.scrollIdleExpirySeconds;
        this.scrollPageSize = b.scrollPageSize;
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.now = Objects.requireNonNull(b.now, "now");
        this.refusedRoutes = Set.copyOf(b.refusedRoutes);
        if (serverErrorRate + truncatedBodyRate + droppedConnectionRate > 1.0) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
        if (port < 0 || latencyMillis < 0 || searchLatencyMillis < 0 || rateLimitPer10Seconds < 0 || scrollIdleExpirySeconds < 1
                || scrollPageSize < 1) {
            throw new IllegalArgumentException("negative port/latency/rate limit or non-positive scroll settings");
        }
    }

    private static double rate(double value, String name) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within [0, 1]: " + value);
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static FakeOptions demo() {
        return builder().profile(WorkspaceProfile.demo()).build();
    }

    public static FakeOptions small() {
        return builder().profile(WorkspaceProfile.small()).build();
    }

    public static FakeOptions benchmark(int scale) {
        return builder().profile(WorkspaceProfile.benchmark(scale)).build();
    }

    public Builder toBuilder() {
        return new Builder()
                .profile(profile)
                .seed(seed)
                .accessToken(accessToken)
                .port(port)
                .latencyMillis(latencyMillis)
                .searchLatencyMillis(searchLatencyMillis)
                .rateLimitPer10Seconds(rateLimitPer10Seconds)
                .serverErrorRate(serverErrorRate)
                .truncatedBodyRate(truncatedBodyRate)
                .droppedConnectionRate(droppedConnectionRate)
                .scrollFailureRate(scrollFailureRate)
                .scrollIdleExpirySeconds(scrollIdleExpirySeconds)
                .scrollPageSize(scrollPageSize)
                .clock(clock)
                .now(now)
                .refusedRoutes(refusedRoutes);
    }

    public WorkspaceProfile profile() {
        return profile;
    }

    public long seed() {
        return seed;
    }

    public String accessToken() {
        return accessToken;
    }

    /** 0 = an ephemeral port. */
    public int port() {
        return port;
    }

    public int latencyMillis() {
        return latencyMillis;
    }

    /** Added to {@link #latencyMillis()} for search requests, which are the slow ones on Intercom. */
    public int searchLatencyMillis() {
        return searchLatencyMillis;
    }

    /** 0 = unlimited, and then no X-RateLimit-* headers are sent. */
    public int rateLimitPer10Seconds() {
        return rateLimitPer10Seconds;
    }

    /** Fraction answered 503 with a JSON error body. */
    public double serverErrorRate() {
        return serverErrorRate;
    }

    /** Fraction whose body is cut off halfway (full Content-Length announced, then the connection closes). */
    public double truncatedBodyRate() {
        return truncatedBodyRate;
    }

    /** Fraction whose connection is closed without any response. */
    public double droppedConnectionRate() {
        return droppedConnectionRate;
    }

    /** Fraction of company scroll pages answered 500 "Please restart the scroll operation" (closes the scroll). */
    public double scrollFailureRate() {
        return scrollFailureRate;
    }

    public int scrollIdleExpirySeconds() {
        return scrollIdleExpirySeconds;
    }

    public int scrollPageSize() {
        return scrollPageSize;
    }

    /** Drives rate-limit windows and scroll expiry; data timestamps come from {@link #now()} instead. */
    public Clock clock() {
        return clock;
    }

    /** The instant the generated data ends at; created_at/updated_at spread over the two years before it. */
    public Instant now() {
        return now;
    }

    /**
     * Routes answered 403 "forbidden", as a token without the app permission they need is answered, e.g.
     * "POST /tickets/search" or "GET /companies/{id}/segments" (method and pattern as the router has them).
     */
    public Set<String> refusedRoutes() {
        return refusedRoutes;
    }

    public FakeOptions withProfile(WorkspaceProfile value) {
        return toBuilder().profile(value).build();
    }

    public FakeOptions withSeed(long value) {
        return toBuilder().seed(value).build();
    }

    public FakeOptions withClock(Clock value) {
        return toBuilder().clock(value).build();
    }

    public FakeOptions withRateLimitPer10Seconds(int value) {
        return toBuilder().rateLimitPer10Seconds(value).build();
    }

    public FakeOptions withLatencyMillis(int value) {
        return toBuilder().latencyMillis(value).build();
    }

    public FakeOptions withFaults(double serverError, double truncatedBody, double droppedConnection) {
        return toBuilder().serverErrorRate(serverError).truncatedBodyRate(truncatedBody)
                .droppedConnectionRate(droppedConnection).build();
    }

    @Override
    public String toString() {
        return "FakeOptions{profile=" + profile.name() + ", seed=" + seed + ", port=" + port + ", latencyMillis="
                + latencyMillis + ", rateLimitPer10Seconds=" + rateLimitPer10Seconds + ", faults=" + serverErrorRate
                + "/" + truncatedBodyRate + "/" + droppedConnectionRate + ", scrollFailureRate=" + scrollFailureRate
                + ", now=" + now + "}";
    }

    public static final class Builder {
        private WorkspaceProfile profile = WorkspaceProfile.small();
        private long seed = 42L;
        private String accessToken = DEFAULT_TOKEN;
        private int port;
        private int latencyMillis;
        private int searchLatencyMillis;
        private int rateLimitPer10Seconds;
        private double serverErrorRate;
        private double truncatedBodyRate;
        private double droppedConnectionRate;
        private double scrollFailureRate;
        private int scrollIdleExpirySeconds = 60;
        private int scrollPageSize = 50;
        private Clock clock = Clock.systemUTC();
        private Instant now = DEFAULT_NOW;
        private Set<String> refusedRoutes = Set.of();

        private Builder() {
        }

        public Builder refusedRoutes(Set<String> value) {
            refusedRoutes = value;
            return this;
        }

        public Builder profile(WorkspaceProfile value) {
            profile = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder accessToken(String value) {
            accessToken = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder searchLatencyMillis(int value) {
            searchLatencyMillis = value;
            return this;
        }

        public Builder latencyMillis(int value) {
            latencyMillis = value;
            return this;
        }

        public Builder rateLimitPer10Seconds(int value) {
            rateLimitPer10Seconds = value;
            return this;
        }

        public Builder serverErrorRate(double value) {
            serverErrorRate = value;
            return this;
        }

        public Builder truncatedBodyRate(double value) {
            truncatedBodyRate = value;
            return this;
        }

        public Builder droppedConnectionRate(double value) {
            droppedConnectionRate = value;
            return this;
        }

        public Builder scrollFailureRate(double value) {
            scrollFailureRate = value;
            return this;
        }

        public Builder scrollIdleExpirySeconds(int value) {
            scrollIdleExpirySeconds = value;
            return this;
        }

        public Builder scrollPageSize(int value) {
            scrollPageSize = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder now(Instant value) {
            now = value;
            return this;
        }

        public FakeOptions build() {
            return new FakeOptions(this);
        }
    }
}
