package io.tapintercom.cli;

import io.tapintercom.config.TapConfig;
import io.tapintercom.intercom.Sleeper;
import io.tapintercom.intercom.http.HttpTransport;
import io.tapintercom.intercom.http.JdkTransport;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Every side effect the tap has, injected: where messages and logs go, the environment variables,
 * the clock, how it waits, and how it reaches the network. Tests swap any of them.
 */
public record TapEnvironment(OutputStream stdout, PrintStream stderr, Map<String, String> variables, Clock clock,
                             Sleeper sleeper, Function<TapConfig, HttpTransport> transports) {

    public static TapEnvironment system(OutputStream stdout, PrintStream stderr) {
        return new TapEnvironment(stdout, stderr, System.getenv(), Clock.systemUTC(), Sleeper.REAL,
                config -> JdkTransport.create(min(config.requestTimeout(), Duration.ofSeconds(30))));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
