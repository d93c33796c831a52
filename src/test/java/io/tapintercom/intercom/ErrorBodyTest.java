package io.tapintercom.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapintercom.intercom.http.HttpReply;
import io.tapintercom.singer.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {
    private static ErrorBody of(String body) {
        return ErrorBody.of(new HttpReply(500, Map.of(), body.getBytes(StandardCharsets.UTF_8)), new Secrets());
    }

    @Test
    void readsTheFirstErrorOfIntercomsEnvelope() {
        ErrorBody error = of("{\"type\":\"error.list\",\"request_id\":\"f93e\",\"errors\":["
                + "{\"code\":\"api_plan_restricted\",\"message\":\"Active subscription needed.\"},"
                + "{\"code\":\"other\",\"message\":\"ignored\"}]}");

        assertEquals("api_plan_restricted", error.code());
        assertEquals("api_plan_restricted: Active subscription needed.", error.summary());
    }

    @Test
    void readsABareCodeAndMessage() {
        assertEquals("not_found: Resource Not Found", of("{\"code\":\"not_found\",\"message\":\"Resource Not Found\"}").summary());
        assertEquals("scroll_exists", of("{\"errors\":[{\"code\":\"scroll_exists\"}]}").summary());
    }

    @Test
    void quotesANonJsonBodyShortenedAndOnOneLine() {
        ErrorBody error = of("<html>\n  <body>" + "x".repeat(500) + "</body>\n</html>");

        assertNull(error.code());
        assertTrue(error.summary().startsWith("<html> <body>xxx"), error.summary());
        assertEquals(201, error.summary().length(), "200 characters and an ellipsis");
    }

    @Test
    void saysSoWhenThereIsNoBody() {
        assertEquals("(no error body)", of("").summary());
        assertEquals("(no error body)", of("   \n").summary());
    }

    @Test
    void masksTheRunsSecretsWhereverTheBodyEchoesThem() {
        Secrets secrets = new Secrets();
        secrets.add("tok-echoed-secret-value");
        ErrorBody error = ErrorBody.of(new HttpReply(401, Map.of(), ("{\"errors\":[{\"code\":\"unauthorized\","
                + "\"message\":\"Bearer tok-echoed-secret-value is not valid\"}]}").getBytes(StandardCharsets.UTF_8)), secrets);
        assertEquals("unauthorized: Bearer **** is not valid", error.summary());
        ErrorBody raw = ErrorBody.of(new HttpReply(502, Map.of(), "<html>tok-echoed-secret-value</html>"
                .getBytes(StandardCharsets.UTF_8)), secrets);
        assertEquals("<html>****</html>", raw.summary());
    }
}
