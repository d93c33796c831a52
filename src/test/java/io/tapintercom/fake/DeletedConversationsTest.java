package io.tapintercom.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /conversations/deleted as the Preview description shows it: 2.16 and later only, page-numbered, newest first. */
class DeletedConversationsTest {
    private static FakeIntercom fake;
    private static FakeClient client;

    @BeforeAll
    static void start() {
        fake = FakeIntercom.start(FakeOptions.small());
        client = new FakeClient(fake);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private static JsonNode get(String pathOrUrl, String version) {
        return FakeClient.json(FakeClient.call(() -> client.send(client.request(pathOrUrl).setHeader("Intercom-Version", version)
                .GET().build())));
    }

    @Test
    void onANumberedVersionBefore216TheEndpointIsNotThere() {
        HttpResponse<byte[]> response = FakeClient.call(() -> client.getRaw("/conversations/deleted"));
        assertEquals(400, response.statusCode());
        assertEquals("intercom_version_invalid", FakeClient.json(response).path("errors").get(0).path("code").asText());
    }

    @Test
    void pagesFollowTheNextUrlNewestFirst() {
        fake.workspace().deleteConversation("1", fake.workspace().now().getEpochSecond() + 60);
        List<Long> times = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String url = "/conversations/deleted?per_page=2&order=desc";
        for (int guard = 0; url != null && guard < 10; guard++) {
            JsonNode body = get(url, "2.16");
            assertEquals("conversations.list", body.path("type").asText());
            body.path("conversations").forEach(c -> {
                assertEquals("conversation", c.path("type").asText());
                assertTrue(c.path("metrics_retained").isBoolean());
                ids.add(c.path("id").asText());
                times.add(c.path("deleted_at").asLong());
            });
            JsonNode next = body.path("pages").path("next");
            url = next.isNull() ? null : next.asText();
        }
        assertEquals(4, ids.size());
        assertEquals("1", ids.get(0), "the latest deletion comes first");
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i - 1) >= times.get(i), times.toString());
        }
        assertEquals(ids.get(3), get("/conversations/deleted?order=asc&per_page=60", "Preview").path("conversations")
                .get(0).path("id").asText());
    }
}
