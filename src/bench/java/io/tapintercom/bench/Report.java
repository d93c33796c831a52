package io.tapintercom.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The full benchmark's figures: per stream, then for the run. */
final class Report {
    /** The client's endpoint tags grouped by the stream whose records they serve. */
    private static final Map<String, String> ENDPOINT_STREAM = Map.of(
            "contacts_search", "contacts", "contact_tags", "contacts", "contact_companies", "contacts",
            "conversations_search", "conversations", "conversation", "conversation_parts",
            "companies_scroll", "companies", "tickets_search", "tickets");

    private final BenchTap.Result run;
    private final int scale;
    private final int concurrency;
    private final int latency;
    private final long peakHeap;
    private final long peakRss;
    private final double downloadSeconds;
    private final long downloaded;
    private final long downloadRequests;

    Report(BenchTap.Result run, int scale, int concurrency, int latency, long peakHeap, long peakRss,
           double downloadSeconds, long downloaded, long downloadRequests) {
        this.run = run;
        this.scale = scale;
        this.concurrency = concurrency;
        this.latency = latency;
        this.peakHeap = peakHeap;
        this.peakRss = peakRss;
        this.downloadSeconds = downloadSeconds;
        this.downloaded = downloaded;
        this.downloadRequests = downloadRequests;
    }

    /** CPU seconds this JVM spent on a phase, the JIT compilers' share of them, and the fake's CPU meanwhile. */
    record Cpu(double seconds, double compiling, double fake) {
        double working() {
            return seconds - compiling;
        }
    }

    void print(Cpu sync, Cpu download) {
        RunTally tally = run.tally();
        Map<String, RunTally.EndpointCount> byStream = new TreeMap<>();
        tally.endpoints.forEach((endpoint, count) -> {
            RunTally.EndpointCount sum = byStream.computeIfAbsent(ENDPOINT_STREAM.getOrDefault(endpoint, endpoint),
                    s -> new RunTally.EndpointCount());
            sum.requests += count.requests;
            sum.rateLimited += count.rateLimited;
            sum.failed += count.failed;
        });
        System.out.printf(Locale.ROOT, "full sync: scale %dx, max_concurrency %d, latency %d ms, %d cores, max heap %d MB%n",
                scale, concurrency, latency, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%-26s %10s %12s %9s %8s %6s %8s%n", "stream", "records", "records/s", "requests",
                "req/rec", "429s", "retries");
        // records/s of a stream: its records over the time between its first and last RECORD.
        tally.streams.forEach((stream, count) -> {
            RunTally.EndpointCount requests = byStream.getOrDefault(stream, new RunTally.EndpointCount());
            double seconds = Math.max(1e-3, (count.lastNanos - count.firstNanos) / 1e9);
            System.out.printf(Locale.ROOT, "%-26s %10d %12.0f %9d %8.3f %6d %8d%n", stream, count.records,
                    count.records / seconds, requests.requests, (double) requests.requests / count.records,
                    requests.rateLimited, requests.failed);
        });
        System.out.printf(Locale.ROOT, "run: %d records, %d requests, %d 429s, %d retries, %.1f MB of output in %.1f s wall (%.0f records/s)%n",
                tally.totalRecords(), tally.totalRequests(), tally.total429(), tally.totalFailed(), tally.bytes / 1e6,
                run.seconds(), tally.totalRecords() / run.seconds());
        System.out.printf(Locale.ROOT, "memory: peak heap used %d MB of %d MB allowed, peak RSS %d MB (the tap's JVM; the fake runs apart)%n",
                peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20, peakRss >> 20);
        System.out.printf(Locale.ROOT, "overhead: download only %.1f s for %d records in %d requests; sync/download = %.2f%n",
                downloadSeconds, downloaded, downloadRequests, run.seconds() / downloadSeconds);
        System.out.printf(Locale.ROOT, "CPU of the tap's JVM: sync %.1f s, download %.1f s; sync/download = %.2f%n",
                sync.seconds(), download.seconds(), sync.seconds() / download.seconds());
        // The JIT compiles whatever runs first; without its time the ratio is the tap's own work.
        System.out.printf(Locale.ROOT, "  of which JIT compiling: sync %.1f s, download %.1f s; without it sync/download = %.2f%n",
                sync.compiling(), download.compiling(), sync.working() / download.working());
        // With no latency both processes are CPU-bound on the same cores: the fake's share sets the wall-time ratio too.
        System.out.printf(Locale.ROOT, "CPU of the fake meanwhile: sync %.1f s, download %.1f s (%d cores)%n",
                sync.fake(), download.fake(), Runtime.getRuntime().availableProcessors());
    }
}
