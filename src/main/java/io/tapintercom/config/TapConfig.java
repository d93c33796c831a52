package io.tapintercom.config;

import java.time.Duration;
import java.time.Instant;

/**
 * The validated settings of one run. Built only by {@link ConfigLoader}. {@code baseUrlSetting} names
 * the setting the base URL came from (base_url, or region when base_url is not set).
 */
public record TapConfig(
        Secret accessToken,
        Instant startDate,
        String baseUrl,
        String apiVersion,
        Duration requestTimeout,
        String userAgent,
        int maxRetries,
        int maxConcurrency,
        int parallelStreams,
        int attributionWindowDays,
        int searchPageSize,
        boolean validateRecords,
        boolean typeCustomAttributes,
        boolean fetchContactDetails,
        Duration maxRateLimitWait,
        String baseUrlSetting,
        boolean stripNulCharacters) {

    @Override
    public String toString() {
        return "TapConfig[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", startDate=" + startDate + "]";
    }
}
