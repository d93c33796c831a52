package io.tapintercom.intercom;

import io.tapintercom.config.Secret;
import java.time.Duration;

/** What the client needs to know of the config: where, who, which version, how patient. */
public record ClientSettings(String baseUrl, Secret accessToken, String apiVersion, String userAgent,
                             Duration requestTimeout, RetryPolicy retryPolicy) {}
