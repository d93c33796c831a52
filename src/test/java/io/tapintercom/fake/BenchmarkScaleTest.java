package io.tapintercom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 1x benchmark workspace has the promised sizes, pages through search and serves conversations.
 * How fast it does so is the benchmark's to show (io.tapintercom.bench), never a test's to assert.
 */
class BenchmarkScaleTest {
    @Test
    void benchmarkWorkspaceHasThePromisedSizesAndServesPages() {
        FakeWorkspace ws = FakeWorkspace.generate(42, WorkspaceProfile.benchmark(1), FakeOptions.DEFAULT_NOW);
        assertEquals(200_000, ws.count(FakeWorkspace.CONTACTS));
        assertEquals(50_000, ws.count(FakeWorkspace.CONVERSATIONS));
        assertEquals(20_000, ws.count(FakeWorkspace.COMPANIES));

        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.benchmark(1), ws)) {
            FakeClient client = new FakeClient(fake);
            String query = "{\"operator\":\"OR\",\"value\":[{\"field\":\"updated_at\",\"operator\":\">\",\"value\":"
                    + "1780000000},{\"field\":\"updated_at\",\"operator\":\"=\",\"value\":1780000000}]}";
            String cursor = null;
            int served = 0;
            for (int page = 0; page < 10; page++) {
                JsonNode body = client.post("/contacts/search", FakeClient.search(query, 150, cursor, "ascending"));
                served += body.get("data").size();
                cursor = body.get("pages").get("next").get("starting_after").asText();
            }
            assertEquals(1500, served);
            for (int c = 1; c <= 50; c++) {
                assertEquals(String.valueOf(c * 997), client.get("/conversations/" + (c * 997)).get("id").asText());
            }
            assertEquals(1000, ws.touch(FakeWorkspace.CONTACTS, 1000, 1_793_500_000L).size());
            assertTrue(ws.expected(FakeWorkspace.CONTACTS).values().stream().filter(t -> t == 1_793_500_000L).count() >= 1000);
        }
    }
}
