package io.tapintercom.cli;

import io.tapintercom.config.TapConfig;
import io.tapintercom.intercom.ClientSettings;
import io.tapintercom.intercom.InFlightLimiter;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.RateLimiter;
import io.tapintercom.intercom.RetryPolicy;
import io.tapintercom.singer.Logger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;

/** Builds the Intercom client a run uses from its config and environment. */
final class Wiring {
    private Wiring() {}

    static IntercomClient client(TapConfig config, TapEnvironment env, Logger log) {
        return client(config, env, log, RetryPolicy.standard(config.maxRetries(), config.maxRateLimitWait()), config.requestTimeout());
    }

    /**
     * Discovery must stay quick (Meltano runs it before every sync): a short timeout and short waits. A few
     * retries, since only a 403/404 on data attributes falls back to open objects; any other failure fails it.
     */
    static IntercomClient discoveryClient(TapConfig config, TapEnvironment env, Logger log) {
        RetryPolicy quick = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(30));
        Duration timeout = config.requestTimeout().compareTo(Duration.ofSeconds(15)) < 0 ? config.requestTimeout() : Duration.ofSeconds(15);
        return client(config, env, log, quick, timeout);
    }

    private static IntercomClient client(TapConfig config, TapEnvironment env, Logger log, RetryPolicy policy,
                                         Duration timeout) {
        ClientSettings settings = new ClientSettings(config.baseUrl(), config.accessToken(), config.apiVersion(),
                config.userAgent(), timeout, policy, config.baseUrlSetting());
        RateLimiter limiter = new RateLimiter(env.clock(), env.sleeper(), log);
        InFlightLimiter inFlight = new InFlightLimiter(env.clock(), limiter::allowedPerSecond, config.maxConcurrency());
        return new IntercomClient(settings, env.transports().apply(config), limiter, inFlight, env.sleeper(), env.clock(),
                new Random(new SecureRandom().nextLong()), log);
    }
}
