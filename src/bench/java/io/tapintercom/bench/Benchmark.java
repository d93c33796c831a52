package io.tapintercom.bench;

import io.tapintercom.fake.FakeIntercom;
import io.tapintercom.fake.FakeOptions;
import io.tapintercom.fake.WorkspaceProfile;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Benchmarks of tap-intercom against the fake Intercom workspace, printing figures (never asserting
 * them). Three runs:
 * <pre>
 *   pacing      [--latency MS] [--rate-limit N_PER_10S] [--conversations N]   rate-limit pacing: achieved/allowed, 429s
 *   concurrency [--latency MS] [--conversations N]                          per-parent requests: N in flight vs one
 *   validation  [--conversations N]                                        records/s with validate_records off and on
 *   full        [--scale N] [--concurrency N] [--latency MS] [--profile P] [--warm true] [--repeat N]  every
 *               stream; per-stream and run figures, then the same pages merely downloaded (--warm: after a sync and
 *               a download not reported, so that compiling the code is not counted; --repeat: N measured pairs and
 *               the median of their ratios)
 *   budget      [--scale N] [--latencies 50,100,...] [--rate-limit N_PER_10S]  realistic workspace under Intercom's
 *                                                                          budget: wall time against requests / rate
 *               [--phase MS]: each run starts MS into one of the fake's 10-second windows (fixed on the epoch)
 *   memory      [--scales 1,4] [--latency MS] [--java-opts OPTS]          peak RSS of the launcher (as shipped)
 *   slices      [--contacts N] [--search-latency MS]                      contacts' first sync: sliced vs one cursor
 * </pre>
 * budget, memory and slices run bin/tap-intercom as a process, as a user would (JVM start-up included).
 * Run with: java -cp target/tap-intercom.jar io.tapintercom.bench.Benchmark full --scale 1
 */
public final class Benchmark {
    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String mode = args.length == 0 ? "full" : args[0];
        switch (mode) {
            case "pacing": pacing(options); break;
            case "concurrency": concurrency(options); break;
            case "validation": validation(options); break;
            case "full": full(options); break;
            case "budget": Budget.run(options); break;
            case "memory": Budget.memory(options); break;
            case "slices": Budget.slices(options); break;
            default: throw new IllegalArgumentException("unknown benchmark " + mode
                    + " (pacing, concurrency, validation, full, budget, memory, slices)");
        }
        System.exit(0);
    }

    /** Conversations and their parts under a rate limit: does the tap use the budget without 429s? */
    static void pacing(Map<String, String> options) {
        int latency = Options.integer(options, "latency", 20);
        int limit = Options.integer(options, "rate-limit", 500);
        int conversations = Options.integer(options, "conversations", 1500);
        FakeOptions fake = FakeOptions.builder().profile(conversationsOnly(conversations)).latencyMillis(latency)
                .rateLimitPer10Seconds(limit).build();
        try (FakeIntercom server = FakeIntercom.start(fake)) {
            BenchTap tap = new BenchTap(server.baseUrl(), fake.accessToken());
            BenchTap.Result run = tap.sync(tap.config(16), Set.of("conversations", "conversation_parts"));
            double allowed = limit / 10.0;
            System.out.printf(Locale.ROOT, "pacing: latency %d ms, limit %d per 10 s (%.1f req/s allowed), %d conversations%n",
                    latency, limit, allowed, conversations);
            var windows = run.tally().fullWindows();
            System.out.printf(Locale.ROOT, "  requests %d in %.1f s = %.1f req/s; 429s received %d (fake counted %d); failed attempts %d%n",
                    run.tally().totalRequests(), run.seconds(), run.requestsPerSecond(), run.tally().total429(),
                    server.stats().rateLimitedResponses(), run.tally().totalFailed());
            System.out.printf(Locale.ROOT, "  over %d full 10-second windows: %.1f requests per window on average (min %d, max %d)"
                            + " = %.3f of the %d allowed%n",
                    windows.getCount(), windows.getAverage(), windows.getMin(), windows.getMax(), windows.getAverage() / limit, limit);
        }
    }

    /** One GET per conversation at a fixed latency, no limit: throughput with N in flight against one at a time. */
    static void concurrency(Map<String, String> options) {
        int latency = Options.integer(options, "latency", 100);
        int conversations = Options.integer(options, "conversations", 200);
        FakeOptions fake = FakeOptions.builder().profile(conversationsOnly(conversations)).latencyMillis(latency).build();
        try (FakeIntercom server = FakeIntercom.start(fake)) {
            BenchTap tap = new BenchTap(server.baseUrl(), fake.accessToken());
            System.out.printf(Locale.ROOT, "concurrency: latency %d ms, no rate limit, %d conversations (one GET each for parts)%n",
                    latency, conversations);
            tap.sync(tap.config(16), Set.of("conversations", "conversation_parts")); // warm-up, not reported
            double single = 0;
            for (int inFlight : new int[] {1, 4, 8, 10, 16, 32}) {
                BenchTap.Result run = tap.sync(tap.config(inFlight), Set.of("conversations", "conversation_parts"));
                if (inFlight == 1) {
                    single = run.requestsPerSecond();
                }
                System.out.printf(Locale.ROOT, "  max_concurrency %2d: %5d requests in %6.2f s = %6.1f req/s (%.1fx one at a time), %d part records%n",
                        inFlight, run.tally().totalRequests(), run.seconds(), run.requestsPerSecond(),
                        run.requestsPerSecond() / single, run.tally().streams.get("conversation_parts").records);
            }
        }
    }

    /** The per-record cost of validate_records: conversations (large nested records) with it off, then on. */
    static void validation(Map<String, String> options) {
        int conversations = Options.integer(options, "conversations", 20000);
        FakeOptions fake = FakeOptions.builder().profile(conversationsOnly(conversations)).build();
        try (FakeIntercom server = FakeIntercom.start(fake)) {
            BenchTap tap = new BenchTap(server.baseUrl(), fake.accessToken());
            tap.sync(tap.config(16), Set.of("conversations")); // warm-up, not reported
            System.out.printf(Locale.ROOT, "validation: %d conversations, no latency%n", conversations);
            for (boolean validate : new boolean[] {false, true}) {
                BenchTap.Result run = tap.sync(tap.config(16).put("validate_records", validate), Set.of("conversations"));
                long records = run.tally().totalRecords();
                System.out.printf(Locale.ROOT, "  validate_records %-5s: %d records in %.2f s = %.0f records/s (%.1f µs per record)%n",
                        validate, records, run.seconds(), records / run.seconds(), run.seconds() * 1e6 / records);
            }
        }
    }

    /**
     * Every stream of a benchmark-size workspace, the fake in a process of its own so that the memory
     * figures are the tap's; then the same pages downloaded without the tap, for the overhead ratio. With
     * --repeat N, N such pairs one after the other, and the median of their ratios: two runs of the same code
     * differ by some 0.1 in the ratio on a machine whose cores the fake shares.
     */
    static void full(Map<String, String> options) throws Exception {
        int scale = Options.integer(options, "scale", 1);
        int concurrency = Options.integer(options, "concurrency", 16);
        int latency = Options.integer(options, "latency", 0);
        int repeats = Math.max(1, Options.integer(options, "repeat", 1));
        String profile = options.getOrDefault("profile", "benchmark:" + scale);
        try (FakeProcess server = new FakeProcess(List.of("--profile", profile, "--latency", Integer.toString(latency)))) {
            BenchTap tap = new BenchTap(server.baseUrl(), server.token());
            if (Options.flag(options, "warm")) {
                // Compiles both phases' code first: otherwise the sync pays for compiling the client and the parser,
                // and the download after it finds them compiled.
                tap.sync(tap.config(concurrency), Set.of());
                new Downloader(server.baseUrl(), server.token(), concurrency).downloadAll();
            }
            List<Double> ratios = new java.util.ArrayList<>();
            for (int pair = 1; pair <= repeats; pair++) {
                MeasuredPair measured = measurePair(tap, server, concurrency);
                ratios.add(measured.ratio());
                if (pair == 1) {
                    new Report(measured.sync(), scale, concurrency, latency, measured.peakHeap(), measured.peakRss(),
                            measured.downloadSeconds(), measured.downloaded(), measured.downloadRequests())
                            .print(measured.syncCpu(), measured.downloadCpu());
                } else {
                    System.out.printf(Locale.ROOT, "pair %d: sync %.1f s, download %.1f s; sync/download = %.2f;"
                                    + " tap CPU %.1f ÷ %.1f s, fake CPU %.1f / %.1f s%n", pair, measured.sync().seconds(),
                            measured.downloadSeconds(), measured.ratio(), measured.syncCpu().seconds(),
                            measured.downloadCpu().seconds(), measured.syncCpu().fake(), measured.downloadCpu().fake());
                }
            }
            if (repeats > 1) {
                List<Double> sorted = ratios.stream().sorted().toList();
                double median = repeats % 2 == 1 ? sorted.get(repeats / 2)
                        : (sorted.get(repeats / 2 - 1) + sorted.get(repeats / 2)) / 2;
                System.out.printf(Locale.ROOT, "sync/download over %d pairs: %s; median %.2f%n", repeats,
                        ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(), median);
            }
        }
    }

    /** A measured sync, then the same pages downloaded: the figures of both. */
    private record MeasuredPair(BenchTap.Result sync, long peakHeap, long peakRss, Report.Cpu syncCpu,
                                double downloadSeconds, long downloaded, long downloadRequests, Report.Cpu downloadCpu) {
        double ratio() {
            return sync.seconds() / downloadSeconds;
        }
    }

    private static MeasuredPair measurePair(BenchTap tap, FakeProcess server, int concurrency) throws Exception {
        double cpuBefore = MemoryWatch.processCpuSeconds();
        double compileBefore = MemoryWatch.compileSeconds();
        double fakeBefore = server.cpuSeconds();
        BenchTap.Result run;
        long peakHeap;
        try (MemoryWatch memory = new MemoryWatch()) {
            run = tap.sync(tap.config(concurrency), Set.of());
            peakHeap = memory.peakHeapUsedBytes();
        }
        Report.Cpu syncCpu = new Report.Cpu(MemoryWatch.processCpuSeconds() - cpuBefore,
                MemoryWatch.compileSeconds() - compileBefore, server.cpuSeconds() - fakeBefore);
        long peakRss = MemoryWatch.peakRssBytes();
        long downloadStarted = System.nanoTime();
        double downloadCpuBefore = MemoryWatch.processCpuSeconds();
        double downloadCompileBefore = MemoryWatch.compileSeconds();
        double downloadFakeBefore = server.cpuSeconds();
        Downloader downloader = new Downloader(server.baseUrl(), server.token(), concurrency);
        long downloaded = downloader.downloadAll();
        double downloadSeconds = (System.nanoTime() - downloadStarted) / 1e9;
        Report.Cpu downloadCpu = new Report.Cpu(MemoryWatch.processCpuSeconds() - downloadCpuBefore,
                MemoryWatch.compileSeconds() - downloadCompileBefore, server.cpuSeconds() - downloadFakeBefore);
        return new MeasuredPair(run, peakHeap, peakRss, syncCpu, downloadSeconds, downloaded, downloader.requests(), downloadCpu);
    }

    private static WorkspaceProfile conversationsOnly(int conversations) {
        return new WorkspaceProfile("bench-conversations", 1, 1, conversations, 1, 5, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0);
    }
}
