package io.tapintercom.intercom.http;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import kong.unirest.core.HttpRequestWithBody;
import kong.unirest.core.HttpResponse;
import kong.unirest.core.Unirest;
import kong.unirest.core.UnirestException;
import kong.unirest.core.UnirestInstance;

/** {@link HttpTransport} over a Unirest instance of its own (never the global one). TLS is always verified. */
public final class UnirestTransport implements HttpTransport, AutoCloseable {
    private final UnirestInstance unirest;

    public UnirestTransport(UnirestInstance unirest) {
        this.unirest = unirest;
    }

    public static UnirestTransport create(Duration connectTimeout) {
        UnirestInstance instance = Unirest.spawnInstance();
        instance.config()
                .connectTimeout((int) connectTimeout.toMillis())
                .followRedirects(false)
                .verifySsl(true)
                .retryAfter(false);
        return new UnirestTransport(instance);
    }

    @Override
    public HttpReply send(HttpCall call) throws IOException {
        HttpRequestWithBody request = unirest.request(call.method(), call.url())
                .headers(call.headers())
                .requestTimeout((int) call.timeout().toMillis());
        HttpResponse<byte[]> response;
        try {
            response = call.body() == null ? request.asBytes() : request.body(call.body()).asBytes();
        } catch (UnirestException e) {
            throw new IOException(describe(e), e);
        }
        if (response.getParsingError().isPresent()) {
            throw new IOException("the response body could not be read", response.getParsingError().get());
        }
        Map<String, String> headers = new HashMap<>();
        response.getHeaders().all().forEach(h -> headers.putIfAbsent(h.getName(), h.getValue()));
        return new HttpReply(response.getStatus(), headers, response.getBody() == null ? new byte[0] : response.getBody());
    }

    /** The root cause's class and message: enough to tell a timeout from a reset, and free of headers. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        unirest.close();
    }
}
