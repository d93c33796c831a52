package io.tapintercom.sync;

import io.tapintercom.singer.Logger;
import io.tapintercom.singer.Metrics;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Progress of one stream on stderr, every few seconds and at the end, not per record: a line a person
 * can follow (count, rate, share of a known total) and the Singer record_count counter Meltano reads.
 */
final class Progress {
    static final long INTERVAL_MILLIS = 5_000;

    private final String stream;
    private final Clock clock;
    private final Logger log;
    private final Metrics metrics;
    private final long started;
    private long count;
    private long countAtLastReport;
    private long lastReport;
    private long total = -1;

    Progress(String stream, Clock clock, Logger log) {
        this.stream = stream;
        this.clock = clock;
        this.log = log;
        this.metrics = new Metrics(log);
        this.started = clock.millis();
        this.lastReport = started;
    }

    void expectTotal(OptionalLong expected) {
        if (expected.isPresent() && total < 0) {
            total = expected.getAsLong();
        }
    }

    void add(long records) {
        count += records;
        long now = clock.millis();
        if (now - lastReport >= INTERVAL_MILLIS) {
            report(now, false);
        }
    }

    long count() {
        return count;
    }

    void finish() {
        report(clock.millis(), true);
    }

    private void report(long now, boolean done) {
        double seconds = Math.max(0.001, (now - started) / 1000.0);
        String share = total > 0 && !done ? String.format(Locale.ROOT, ", %.0f%% of about %,d", Math.min(100.0, 100.0 * count / total), total) : "";
        log.info("%s: %s%,d records in %.1f s (%,.0f records/s%s)", stream, done ? "done, " : "", count, seconds,
                count / seconds, share);
        metrics.counter("record_count", count - countAtLastReport, Map.of("endpoint", stream));
        countAtLastReport = count;
        lastReport = now;
    }
}
