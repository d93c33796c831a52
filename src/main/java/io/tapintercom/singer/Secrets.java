package io.tapintercom.singer;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The values that must never be printed, as given to the logger that redacts them. One instance per run,
 * filled explicitly by whoever reads a secret (the config loader, with the access token).
 */
public final class Secrets {
    /** Shorter values would mangle ordinary words in the log, and no real token is this short. */
    private static final int MIN_LENGTH = 6;
    private static final String MASK = "****";

    private final Set<String> values = new CopyOnWriteArraySet<>();

    public void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            values.add(secret);
        }
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : values) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
