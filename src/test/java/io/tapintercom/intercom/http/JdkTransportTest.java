package io.tapintercom.intercom.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.testing.LocalWireMock;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDK transport's deadline: it ends a slow exchange, and never reaches the thread after the exchange. */
class JdkTransportTest {
    @RegisterExtension
    static WireMockExtension server = LocalWireMock.extension();

    private final JdkTransport transport = JdkTransport.create(Duration.ofSeconds(5));

    private HttpCall call(String path, Duration timeout) {
        return new HttpCall("GET", server.baseUrl() + path, Map.of("Accept", "application/json"), null, timeout);
    }

    @Test
    void anAnswerWithinTheDeadlineLeavesTheThreadUninterruptedAfterTheDeadlinePasses() throws Exception {
        server.stubFor(get(urlPathEqualTo("/quick")).willReturn(okJson("{\"ok\":true}")));

        HttpReply reply = transport.send(call("/quick", Duration.ofMillis(300)));

        assertEquals(200, reply.status());
        assertEquals("{\"ok\":true}", new String(reply.body(), StandardCharsets.UTF_8));
        // Past the deadline: had the timer fired at this thread, sleep would throw at once.
        TimeUnit.MILLISECONDS.sleep(600);
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void anAnswerLateForItsDeadlineIsATimeoutAndTheThreadIsNotLeftInterrupted() {
        server.stubFor(get(urlPathEqualTo("/slow")).willReturn(okJson("{}").withFixedDelay(5_000)));

        HttpTimeoutException late = assertThrows(HttpTimeoutException.class,
                () -> transport.send(call("/slow", Duration.ofMillis(300))));

        assertEquals("no complete response within 0.3 s", late.getMessage());
        assertFalse(Thread.interrupted(), "the deadline's interrupt is spent on the exchange it ended");
    }

    @Test
    void anInterruptFromElsewhereStaysWithTheThread() throws Exception {
        server.stubFor(get(urlPathEqualTo("/slow")).willReturn(okJson("{}").withFixedDelay(5_000)));
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();

        assertThrows(InterruptedIOException.class, () -> transport.send(call("/slow", Duration.ofSeconds(30))));

        assertTrue(Thread.interrupted(), "a shutdown's interrupt is kept for the caller to see");
        interrupter.join();
    }
}
