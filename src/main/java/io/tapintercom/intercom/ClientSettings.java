package io.tapintercom.intercom;

import io.tapintercom.config.Secret;
import java.time.Duration;

/**
 * What the client needs to know of the config: where, who, which version, how patient.
 * {@code hostSetting} names the setting the base URL came from (base_url or region), for the one line
 * that says its host does not resolve.
 */
public record ClientSettings(String baseUrl, Secret accessToken, String apiVersion, String userAgent,
                             Duration requestTimeout, RetryPolicy retryPolicy, String hostSetting) {

    public ClientSettings(String baseUrl, Secret accessToken, String apiVersion, String userAgent,
                          Duration requestTimeout, RetryPolicy retryPolicy) {
        this(baseUrl, accessToken, apiVersion, userAgent, requestTimeout, retryPolicy, "base_url");
    }
}
