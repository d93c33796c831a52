package io.tapintercom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tapintercom.singer.Log;
import io.tapintercom.singer.LogCapture;
import org.junit.jupiter.api.Test;

class SecretTest {
    private static final String VALUE = "dG9rOnNlY3JldC10ZXN0LXZhbHVlLTU1NTU1NQ==";

    @Test
    void printsAsStarsButRevealsTheValueWhenAsked() {
        Secret secret = new Secret(VALUE);
        assertEquals("****", secret.toString());
        assertEquals("token ****", "token " + secret);
        assertEquals(VALUE, secret.reveal());
    }

    @Test
    void creatingASecretRegistersItWithTheLogRedactor() {
        Secret secret = new Secret(VALUE);
        try (LogCapture log = new LogCapture()) {
            Log.error("401 for Authorization: Bearer %s", secret.reveal());
            assertEquals("ERROR 401 for Authorization: Bearer ****\n", log.text().replace(System.lineSeparator(), "\n"));
            assertFalse(log.text().contains(VALUE));
        }
    }
}
