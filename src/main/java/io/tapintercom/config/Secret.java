package io.tapintercom.config;

import io.tapintercom.singer.Log;

/** A value that must never be printed: toString() masks it, and the log redacts it wherever it appears. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = value;
        Log.addSecret(value);
    }

    /** The real value, for the one place that needs it: the Authorization header. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
