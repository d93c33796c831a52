package io.tapintercom.cli;

import io.tapintercom.config.ConfigLoader;
import io.tapintercom.config.TapConfig;
import io.tapintercom.fake.FakeIntercom;
import io.tapintercom.fake.FakeOptions;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.MessageWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * --demo: serves the built-in sample workspace on 127.0.0.1 and runs the tap against it exactly as
 * against Intercom (a config file, discovery or sync), so a newcomer sees real output with no account.
 * Without --catalog it syncs every stream, those not selected by default included, to show them all.
 */
final class DemoCommand {
    private final TapEnvironment env;
    private final Logger log;
    private final Function<TapConfig, MessageWriter> writers;

    DemoCommand(TapEnvironment env, Logger log, Function<TapConfig, MessageWriter> writers) {
        this.env = env;
        this.log = log;
        this.writers = writers;
    }

    int run(TapArgs args) {
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.demo())) {
            log.info("demo: a sample Intercom workspace is served at %s; syncing it as if it were yours", fake.baseUrl());
            TapConfig config = new ConfigLoader(env.variables(), env.clock(), log.secrets()).load(List.of(configFile(fake)));
            return args.discover() ? new DiscoverCommand(env, log).run(config) : new SyncCommand(env, log, writers, true).run(config, args);
        }
    }

    private static String configFile(FakeIntercom fake) {
        try {
            Path file = Files.createTempFile("tap-intercom-demo-", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, Json.object().put("access_token", fake.options().accessToken())
                    .put("base_url", fake.baseUrl()).put("start_date", "2000-01-01T00:00:00Z").toString());
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo's config file", e);
        }
    }
}
