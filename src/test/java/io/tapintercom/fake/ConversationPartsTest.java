package io.tapintercom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationPartsTest {
    @Test
    void aConversationWithMoreThan500PartsReturnsTheMostRecent500() {
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small())) {
            FakeWorkspace ws = fake.workspace();
            String id = ws.largeConversationId();
            JsonNode conversation = new FakeClient(fake).get("/conversations/" + id);
            JsonNode parts = conversation.get("conversation_parts");
            int total = ws.partCount(id);
            assertTrue(total > 500);
            assertEquals("conversation_part.list", parts.get("type").asText());
            assertEquals(total, parts.get("total_count").asInt());
            assertEquals(total, conversation.get("statistics").get("count_conversation_parts").asInt());
            JsonNode list = parts.get("conversation_parts");
            assertEquals(500, list.size());
            int conv = Integer.parseInt(id) - 1;
            assertEquals(ws.partId(conv, total - 500), list.get(0).get("id").asText());
            assertEquals(ws.partId(conv, total - 1), list.get(499).get("id").asText());
            long previous = 0;
            for (JsonNode part : list) {
                long created = part.get("created_at").asLong();
                assertTrue(created >= previous);
                assertTrue(created <= conversation.get("updated_at").asLong());
                previous = created;
            }
        }
    }

    @Test
    void touchingAConversationChangesItAndAddsAPart() {
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small())) {
            FakeWorkspace ws = fake.workspace();
            FakeClient client = new FakeClient(fake);
            String id = ws.conversationId(10);
            JsonNode before = client.get("/conversations/" + id);
            long newTime = FakeOptions.DEFAULT_NOW.getEpochSecond() + 3600;
            assertEquals(List.of(id), ws.touchIds(FakeWorkspace.CONVERSATIONS, List.of(id), newTime));
            JsonNode after = client.get("/conversations/" + id);
            assertEquals(newTime, after.get("updated_at").asLong());
            int parts = before.get("conversation_parts").get("total_count").asInt();
            assertEquals(parts + 1, after.get("conversation_parts").get("total_count").asInt());
            JsonNode last = after.get("conversation_parts").get("conversation_parts").get(parts);
            assertEquals(newTime, last.get("created_at").asLong());
            assertEquals(before.get("conversation_parts").get("conversation_parts").get(0),
                    after.get("conversation_parts").get("conversation_parts").get(0), "older parts keep their history");
            Map<String, Long> expectedParts = ws.expected(FakeWorkspace.CONVERSATION_PARTS);
            assertEquals(newTime, expectedParts.get(last.get("id").asText()));
            assertEquals(newTime, ws.expected(FakeWorkspace.CONVERSATIONS).get(id));

            List<String> touched = ws.touch(FakeWorkspace.CONTACTS, 30, newTime);
            assertEquals(30, touched.size());
            assertEquals(30, touched.stream().distinct().count());
            JsonNode found = client.post("/contacts/search", FakeClient.search(
                    "{\"field\":\"updated_at\",\"operator\":\"=\",\"value\":" + newTime + "}", 150, null,
                    "ascending"));
            assertEquals(30, found.get("total_count").asInt());
        }
    }

    @Test
    void deletedConversationsAnswer404AndLeaveSearch() {
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small())) {
            FakeWorkspace ws = fake.workspace();
            FakeClient client = new FakeClient(fake);
            String id = ws.conversationId(3);
            long before = ws.count(FakeWorkspace.CONVERSATIONS);
            long partsBefore = ws.count(FakeWorkspace.CONVERSATION_PARTS);
            assertTrue(ws.deleteConversation(id));
            assertFalse(ws.deleteConversation(id));
            HttpResponse<byte[]> r = FakeClient.call(() -> client.getRaw("/conversations/" + id));
            assertEquals(404, r.statusCode());
            JsonNode error = FakeClient.json(r);
            assertEquals("error.list", error.get("type").asText());
            assertEquals("not_found", error.get("errors").get(0).get("code").asText());
            assertEquals("Resource Not Found", error.get("errors").get(0).get("message").asText());
            assertEquals(before - 1, ws.count(FakeWorkspace.CONVERSATIONS));
            assertFalse(ws.expected(FakeWorkspace.CONVERSATIONS).containsKey(id));
            assertNotEquals(partsBefore, ws.count(FakeWorkspace.CONVERSATION_PARTS));
            JsonNode all = client.post("/conversations/search", FakeClient.search(
                    "{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0}", 150, null, "ascending"));
            assertEquals(before - 1, all.get("total_count").asLong());
            assertEquals(404, FakeClient.call(() -> client.getRaw("/conversations/999999")).statusCode());
            assertEquals(404, FakeClient.call(() -> client.getRaw("/conversations/abc")).statusCode());
        }
    }
}
