package io.tapintercom.cli;

import io.tapintercom.config.BadInputException;
import io.tapintercom.config.InputFiles;
import io.tapintercom.config.TapConfig;
import io.tapintercom.intercom.ClientStats;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.MessageWriter;
import io.tapintercom.singer.catalog.Breadcrumb;
import io.tapintercom.singer.catalog.Catalog;
import io.tapintercom.singer.catalog.Metadata;
import io.tapintercom.singer.state.State;
import io.tapintercom.singer.transform.TransformIssues;
import io.tapintercom.streams.Streams;
import io.tapintercom.sync.SyncEngine;
import io.tapintercom.sync.SyncPlanner;
import io.tapintercom.sync.SyncSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/** Sync mode (and --test): reads the catalog and state, then streams Singer messages to stdout. */
final class SyncCommand {
    private final TapEnvironment env;
    private final Logger log;
    private final Function<TapConfig, MessageWriter> writers;

    /** Without --catalog, the streams selected by default: every stream in --demo. */
    private final boolean everyStream;

    SyncCommand(TapEnvironment env, Logger log, Function<TapConfig, MessageWriter> writers) {
        this(env, log, writers, false);
    }

    SyncCommand(TapEnvironment env, Logger log, Function<TapConfig, MessageWriter> writers, boolean everyStream) {
        this.env = env;
        this.log = log;
        this.writers = writers;
        this.everyStream = everyStream;
    }

    int run(TapConfig config, TapArgs args) {
        Streams streams = Wiring.streams(config);
        Catalog catalog = args.catalogFile() != null ? readCatalog(args.catalogFile()) : discovered(config, streams);
        State state = args.state() != null ? readState(args.state()) : State.empty();
        Instant signpost = env.clock().instant();
        int recordLimit = args.test() != null ? 1 : 0;
        SyncSettings settings = new SyncSettings(signpost, config.startDate(), config.attributionWindowDays(),
                config.maxConcurrency(), recordLimit, config.parallelStreams());
        IntercomClient client = Wiring.client(config, env, log);
        TransformIssues issues = new TransformIssues(log);
        MessageWriter writer = writers.apply(config);
        SyncEngine engine = new SyncEngine(client, writer, env.clock(), log, settings,
                new SyncPlanner(streams, config.validateRecords(), issues));
        if ("schema".equals(args.test())) {
            engine.announce(catalog);
            return TapIntercom.OK;
        }
        engine.run(catalog, state);
        summarise(client.stats(), writer.recordsWritten(), issues, Duration.between(signpost, env.clock().instant()));
        return TapIntercom.OK;
    }

    private void summarise(ClientStats stats, long records, TransformIssues issues, Duration elapsed) {
        log.info("sync finished in %.1f s: %,d records, %,d requests, %,d retries, %,d rate-limited responses%s",
                elapsed.toMillis() / 1000.0, records, stats.requests(), stats.retries(), stats.rateLimitedResponses(),
                issues.misfits() > 0 ? String.format(", %,d values that did not fit their schema", issues.misfits()) : "");
    }

    /** The discovered catalog: its selected-by-default streams, or every stream. */
    private Catalog discovered(TapConfig config, Streams streams) {
        Catalog catalog = DiscoverCommand.discover(config, streams, env, log);
        if (everyStream) {
            catalog.streams().forEach(entry -> entry.metadata().at(Breadcrumb.STREAM).put(Metadata.SELECTED, true));
        }
        return catalog;
    }

    static Catalog readCatalog(String path) {
        try {
            return Catalog.fromJson(InputFiles.read(path, "catalog file"));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("catalog file " + Json.quote(path) + ": " + e.getMessage());
        }
    }

    static State readState(String path) {
        try {
            return State.fromJson(InputFiles.read(path, "state file"));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("state file " + Json.quote(path) + ": " + e.getMessage());
        }
    }
}
