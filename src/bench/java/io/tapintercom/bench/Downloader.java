package io.tapintercom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.config.Secret;
import io.tapintercom.intercom.ClientSettings;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.RateLimiter;
import io.tapintercom.intercom.RetryPolicy;
import io.tapintercom.intercom.Sleeper;
import io.tapintercom.singer.Logger;
import io.tapintercom.intercom.http.JdkTransport;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.streams.ParentRecord;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.streams.StreamDefinition;
import io.tapintercom.streams.Streams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline for the tap's overhead: the same pages and per-parent requests, with the same client
 * and concurrency, but nothing transformed, checked or written. Sync time divided by this time is
 * what the tap adds on top of Intercom's latency.
 */
final class Downloader {
    private final IntercomClient client;
    private final int concurrency;

    Downloader(String baseUrl, String token, int concurrency) {
        this.concurrency = concurrency;
        ClientSettings settings = new ClientSettings(baseUrl, new Secret(token), "2.14", "tap-intercom-bench",
                Duration.ofSeconds(30), RetryPolicy.standard(8));
        this.client = new IntercomClient(settings, JdkTransport.create(Duration.ofSeconds(10)),
                new RateLimiter(Clock.systemUTC(), Sleeper.REAL, Logger.discarding()), Sleeper.REAL, Clock.systemUTC(), new Random(7),
                Logger.discarding());
    }

    /** Requests made so far, for comparing the download's with the sync's. */
    long requests() {
        return client.stats().requests();
    }

    /** Downloads every stream selected by default; returns the number of records read. */
    long downloadAll() throws Exception {
        Streams streams = Streams.intercom(150, false);
        ReadWindow window = new ReadWindow(Instant.parse("2000-01-01T00:00:00Z"), Instant.now());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long records = 0;
        try {
            for (StreamDefinition root : streams.all()) {
                if (root.isChild() || !root.selectedByDefault()) {
                    continue;
                }
                // What a sync with the catalog's default selection reads, as BenchTap's syncs of "every stream" do.
                List<StreamDefinition> children = streams.childrenOf(root.name()).stream()
                        .filter(StreamDefinition::selectedByDefault).toList();
                for (Iterator<Page> pages = root.source().open(client, window); pages.hasNext(); ) {
                    Page page = pages.next();
                    records += page.records().size() + fetchPerParent(pool, root, children, page.records());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return records;
    }

    private long fetchPerParent(ExecutorService pool, StreamDefinition root, List<StreamDefinition> children,
                                List<JsonNode> parents) throws Exception {
        List<Future<Integer>> pending = new ArrayList<>();
        for (JsonNode parent : parents) {
            pending.add(pool.submit(() -> {
                ParentRecord record = new ParentRecord(client, parent, root.enricher());
                record.enriched();
                int count = 0;
                for (StreamDefinition child : children) {
                    if (child.childSource().needed(parent)) {
                        count += record.rowsOf(child.childSource()).size();
                    }
                }
                return count;
            }));
        }
        long total = 0;
        for (Future<Integer> future : pending) {
            total += future.get();
        }
        return total;
    }
}
