package io.tapintercom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
