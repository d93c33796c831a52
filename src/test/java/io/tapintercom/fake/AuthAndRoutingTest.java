package io.tapintercom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthAndRoutingTest {
    private static FakeIntercom fake;
    private static FakeClient client;

    @BeforeAll
    static void start() {
        fake = FakeIntercom.start(FakeOptions.demo().toBuilder().accessToken("secret").build());
        client = new FakeClient(fake);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void missingOrWrongBearerTokenIs401() throws IOException {
        for (String token : new String[] {null, "wrong"}) {
            HttpResponse<byte[]> r = new FakeClient(fake.baseUrl(), token).getRaw("/admins");
            assertEquals(401, r.statusCode());
            JsonNode body = FakeClient.json(r);
            assertEquals("error.list", body.get("type").asText());
            assertTrue(body.get("request_id").isTextual());
            assertEquals("unauthorized", body.get("errors").get(0).get("code").asText());
            assertEquals("Access Token Invalid", body.get("errors").get(0).get("message").asText());
        }
    }

    @Test
    void theVersionHeaderIsRequired() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/admins"))
                .header("Authorization", "Bearer secret").GET().build();
        HttpResponse<byte[]> r = client.send(request);
        assertEquals(400, r.statusCode());
        assertEquals("intercom_version_invalid", FakeClient.json(r).get("errors").get(0).get("code").asText());
        HttpResponse<byte[]> bogus = client.send(client.request("/admins").setHeader("Intercom-Version", "9.9").GET()
                .build());
        assertEquals(400, bogus.statusCode());
    }

    @Test
    void unknownPathsAre404ErrorLists() throws IOException {
        HttpResponse<byte[]> r = client.getRaw("/no/such/thing");
        assertEquals(404, r.statusCode());
        assertEquals("not_found", FakeClient.json(r).get("errors").get(0).get("code").asText());
        assertEquals(404, client.postRaw("/admins", "{}").statusCode());
    }

    @Test
    void responsesHaveAContentLengthAndStatsCountEndpoints() throws IOException {
        long before = fake.stats().requests("GET /teams");
        HttpResponse<byte[]> r = client.getRaw("/teams");
        assertEquals(Long.toString(r.body().length), r.headers().firstValue("Content-Length").orElse(""));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(before + 1, fake.stats().requests("GET /teams"));
        client.getRaw("/conversations/1");
        assertTrue(fake.stats().requests("GET /conversations/{id}") >= 1);
        assertTrue(fake.stats().totalRequests() >= 2);
    }

    @Test
    void catalogEnvelopes() {
        assertEquals("admin.list", client.get("/admins").get("type").asText());
        assertEquals("team.list", client.get("/teams").get("type").asText());
        assertEquals("list", client.get("/tags").get("type").asText());
        JsonNode segments = client.get("/segments?include_count=true");
        assertEquals("segment.list", segments.get("type").asText());
        segments.get("segments").forEach(s -> assertTrue(s.get("count").isInt()));
        client.get("/segments").get("segments").forEach(s -> assertTrue(!s.has("count")));
        assertEquals("list", client.get("/subscription_types").get("type").asText());
        assertEquals("list", client.get("/ticket_types").get("type").asText());
        assertEquals("admin", client.get("/me").get("type").asText());
        String company = fake.workspace().companyId(0);
        assertEquals("list", client.get("/companies/" + company + "/segments").get("type").asText());
        assertEquals(company, client.get("/companies/" + company).get("id").asText());
    }
}
