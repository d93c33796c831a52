package io.tapintercom.config;

/** The tap's name and version, as packaged. */
public final class Version {
    public static final String NAME = "tap-intercom";

    private Version() {}

    public static String version() {
        String fromJar = Version.class.getPackage().getImplementationVersion();
        return fromJar != null ? fromJar : "0.1.0";
    }

    public static String userAgent() {
        return NAME + "/" + version();
    }
}
