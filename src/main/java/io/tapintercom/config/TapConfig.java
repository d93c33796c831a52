package io.tapintercom.config;

import java.time.Duration;
import java.time.Instant;

/** The validated settings of one run. Built only by {@link ConfigLoader}. */
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
        boolean fetchContactDetails) {

    @Override
    public String toString() {
        return "TapConfig[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", startDate=" + startDate + "]";
    }
}
