package io.tapintercom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal client for the fake, as a tap would call it. */
final class FakeClient {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    FakeClient(FakeIntercom fake) {
        this(fake.baseUrl(), fake.options().accessToken());
    }

    FakeClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    HttpRequest.Builder request(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").header("Intercom-Version", "2.14");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    HttpResponse<byte[]> getRaw(String pathOrUrl) throws IOException {
        return send(request(pathOrUrl).GET().build());
    }

    HttpResponse<byte[]> postRaw(String path, String json) throws IOException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    JsonNode get(String pathOrUrl) {
        return ok(call(() -> getRaw(pathOrUrl)));
    }

    JsonNode post(String path, String json) {
        return ok(call(() -> postRaw(path, json)));
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode ok(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " " + new String(response.body()));
        }
        return json(response);
    }

    interface IoCall {
        HttpResponse<byte[]> run() throws IOException;
    }

    static HttpResponse<byte[]> call(IoCall call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A search body sorted by updated_at. */
    static String search(String query, int perPage, String startingAfter, String order) {
        return "{\"query\":" + query + ",\"sort\":{\"field\":\"updated_at\",\"order\":\"" + order + "\"},"
                + "\"pagination\":{\"per_page\":" + perPage
                + (startingAfter == null ? "" : ",\"starting_after\":\"" + startingAfter + "\"") + "}}";
    }
}
