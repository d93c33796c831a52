package io.tapintercom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tap as bin/tap-intercom starts it: a JVM of its own with the launcher's default options, read from the
 * script itself, and the test classpath instead of the jar (which `mvn test` has not built yet). A JVM option
 * can print on stdout, the Singer stream, so tests of a real process use these options, not the JVM's defaults.
 */
public final class LauncherJvm {
    private static final Pattern DEFAULT_OPTS = Pattern.compile("(?m)^default_opts=\"([^\"]*)\"$");

    private LauncherJvm() {}

    /** The launcher's default JVM options. */
    public static List<String> defaultOptions() {
        Path script = Path.of("bin", "tap-intercom");
        try {
            Matcher options = DEFAULT_OPTS.matcher(Files.readString(script));
            if (!options.find()) {
                throw new IllegalStateException(script + " has no default_opts=\"...\" line");
            }
            return Arrays.asList(options.group(1).trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A process of the tap with the given arguments, its environment as the launcher sets it. */
    public static ProcessBuilder tap(String... args) {
        return tap(List.of(), args);
    }

    /** The same, with JVM options of a test's after the launcher's. */
    public static ProcessBuilder tap(List<String> moreOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(defaultOptions());
        command.addAll(moreOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.tapintercom.cli.TapIntercom"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return builder;
    }
}
