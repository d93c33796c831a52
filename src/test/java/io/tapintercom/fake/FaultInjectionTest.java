package io.tapintercom.fake;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionTest {
    @Test
    void serverErrorsAre503WithAJsonBody() throws IOException {
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small().withFaults(1.0, 0, 0))) {
            HttpResponse<byte[]> r = new FakeClient(fake).getRaw("/admins");
            assertEquals(503, r.statusCode());
            assertEquals("error.list", FakeClient.json(r).get("type").asText());
            assertEquals(1, fake.stats().faults(FaultKind.SERVER_ERROR));
        }
    }

    @Test
    void truncatedBodiesEndTheConnectionMidBody() {
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small().withFaults(0, 1.0, 0))) {
            FakeClient client = new FakeClient(fake);
            assertThrows(IOException.class, () -> client.getRaw("/conversations/1"));
            assertTrue(fake.stats().faults(FaultKind.TRUNCATED_BODY) >= 1);
        }
    }

    @Test
    void droppedConnectionsSendNothing() {
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small().withFaults(0, 0, 1.0))) {
            FakeClient client = new FakeClient(fake);
            assertThrows(IOException.class, () -> client.getRaw("/admins"));
            assertTrue(fake.stats().faults(FaultKind.DROPPED_CONNECTION) >= 1);
        }
    }

    @Test
    void unauthorizedRequestsAreNeverFaulted() throws IOException {
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small().withFaults(0, 0, 1.0))) {
            assertEquals(401, new FakeClient(fake.baseUrl(), "nope").getRaw("/admins").statusCode());
            assertEquals(0, fake.stats().faultsInjected());
        }
    }

    @Test
    void faultDecisionsRepeatForTheSameSeed() {
        FakeOptions options = FakeOptions.small().withFaults(0.05, 0.01, 0.01).withSeed(99);
        List<FaultKind> a = sequence(new FaultInjector(options));
        List<FaultKind> b = sequence(new FaultInjector(options));
        assertEquals(a, b);
        long faults = a.stream().filter(f -> f != null).count();
        assertTrue(faults > 500 && faults < 1000, "about 7% of 10,000: " + faults);
    }

    private static List<FaultKind> sequence(FaultInjector injector) {
        List<FaultKind> out = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            out.add(injector.next());
        }
        return out;
    }

    @Test
    void aTransportFaultDoesNotAdvanceTheScroll() throws IOException {
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small())) {
            FakeClient client = new FakeClient(fake);
            String param = client.get("/companies/scroll").get("scroll_param").asText();
            String second = new String(client.getRaw("/companies/scroll?scroll_param=" + param).body());
            try (FakeIntercom again = FakeIntercom.start(FakeOptions.small().withFaults(0, 0.5, 0).withSeed(42))) {
                FakeClient c2 = new FakeClient(again);
                String p2 = null;
                while (p2 == null) {
                    try {
                        p2 = c2.get("/companies/scroll").get("scroll_param").asText();
                    } catch (RuntimeException e) {
                        // a truncated first page: the scroll was not opened, so starting again is allowed
                    }
                }
                String page2 = null;
                while (page2 == null) {
                    try {
                        HttpResponse<byte[]> r = c2.getRaw("/companies/scroll?scroll_param=" + p2);
                        page2 = new String(r.body());
                    } catch (IOException e) {
                        // retry the same page
                    }
                }
                assertEquals(second.replace(param, "P"), page2.replace(p2, "P"));
            }
        }
    }
}
