package io.tapintercom.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * WireMock as the end-to-end tests run it: on a free port of 127.0.0.1, without HTTP/2 over plain HTTP. The
 * JDK's client offers an h2c upgrade on plain http; Jetty's answer to it broke an exchange now and then ("Frame
 * type(58) ... exceeds MAX_FRAME_SIZE"), which the tap retried, adding a warning a test did not expect. Intercom is
 * reached over TLS, where HTTP/2 is negotiated without an upgrade. IntercomClientTest keeps h2c: over HTTP/1.1 the
 * JDK's client silently resends a GET whose pooled connection was reset, which would hide the faults it injects.
 */
public final class LocalWireMock {
    private LocalWireMock() {}

    /** A WireMock server for one test class: register it with {@code @RegisterExtension}. */
    public static WireMockExtension extension() {
        return WireMockExtension.newInstance().options(options()).build();
    }

    public static WireMockConfiguration options() {
        return wireMockConfig().dynamicPort().bindAddress("127.0.0.1").http2PlainDisabled(true);
    }
}
