package io.tapintercom.config;

/**
 * A value that must never be printed: toString() masks it. Whoever reads it also adds it to the run's
 * {@link io.tapintercom.singer.Secrets}, so the log redacts it wherever it appears.
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = value;
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
