package io.tapintercom.fake;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyTest {
    @Test
    void theConfiguredLatencyDelaysEveryResponse() {
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.demo().withLatencyMillis(150))) {
            FakeClient client = new FakeClient(fake);
            HttpClient http = HttpClient.newHttpClient();
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(http.sendAsync(client.request("/conversations/" + (1 + i % 12)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }
            calls.forEach(c -> assertEquals(200, c.join().statusCode()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            // A lower bound only: that the delay is applied. How many requests overlap is the benchmark's to show.
            assertTrue(millis >= 150, "latency applied: " + millis);
        }
    }
}
