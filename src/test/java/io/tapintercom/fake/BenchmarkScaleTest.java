package io.tapintercom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake must never be the bottleneck: a 1x benchmark workspace builds and serves pages quickly. */
class BenchmarkScaleTest {
    @Test
    void benchmarkWorkspaceBuildsAndServesFast() {
        long t0 = System.nanoTime();
        FakeWorkspace ws = FakeWorkspace.generate(42, WorkspaceProfile.benchmark(1), FakeOptions.DEFAULT_NOW);
        long buildMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(buildMillis < 3000, "built in " + buildMillis + " ms");
        assertEquals(200_000, ws.count(FakeWorkspace.CONTACTS));
        assertEquals(50_000, ws.count(FakeWorkspace.CONVERSATIONS));
        assertEquals(20_000, ws.count(FakeWorkspace.COMPANIES));

        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.benchmark(1), ws)) {
            FakeClient client = new FakeClient(fake);
            String query = "{\"operator\":\"OR\",\"value\":[{\"field\":\"updated_at\",\"operator\":\">\",\"value\":"
                    + "1780000000},{\"field\":\"updated_at\",\"operator\":\"=\",\"value\":1780000000}]}";
            client.post("/contacts/search", FakeClient.search(query, 150, null, "ascending"));
            long t1 = System.nanoTime();
            String cursor = null;
            int served = 0;
            for (int page = 0; page < 10; page++) {
                JsonNode body = client.post("/contacts/search", FakeClient.search(query, 150, cursor, "ascending"));
                served += body.get("data").size();
                cursor = body.get("pages").get("next").get("starting_after").asText();
            }
            long pageMillis = (System.nanoTime() - t1) / 1_000_000 / 10;
            assertEquals(1500, served);
            assertTrue(pageMillis < 200, "a 150-contact page took " + pageMillis + " ms");

            long t2 = System.nanoTime();
            for (int c = 1; c <= 50; c++) {
                client.get("/conversations/" + (c * 997));
            }
            long convMillis = (System.nanoTime() - t2) / 1_000_000 / 50;
            assertTrue(convMillis < 50, "a conversation took " + convMillis + " ms");

            long t3 = System.nanoTime();
            ws.touch(FakeWorkspace.CONTACTS, 1000, 1_793_500_000L);
            assertTrue((System.nanoTime() - t3) / 1_000_000 < 1000, "touching 1000 contacts is quick");
        }
    }
}
