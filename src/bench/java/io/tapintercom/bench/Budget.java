package io.tapintercom.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How much of Intercom's rate budget the tap uses, and what it costs in memory, measured on the real launcher
 * (bin/tap-intercom, JVM options as shipped) against the fake in a process of its own. Figures are printed as
 * Markdown table rows, ready for the README.
 */
final class Budget {
    /** Intercom's default for a private app: 10,000 requests a minute, counted per 10 seconds. */
    static final int INTERCOM_DEFAULT_PER_10S = 1666;

    private Budget() {}

    /** The realistic workspace at each latency, under the budget: is the budget, not the tap, the limit? */
    static void run(Map<String, String> options) {
        int scale = Options.integer(options, "scale", 1);
        int limit = Options.integer(options, "rate-limit", INTERCOM_DEFAULT_PER_10S);
        List<Integer> latencies = integers(options.getOrDefault("latencies", "50,100,200,400,800"));
        double allowed = limit / 10.0;
        TapProcess tap = new TapProcess();
        double startup = tap.startup().toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "budget: realistic workspace x%d, %d requests per 10 s (%.1f/s allowed), every stream,"
                + " default settings; JVM start-up (--version) %.2f s%n", scale, limit, allowed, startup);
        // The target is a ratio "plus JVM start-up": the last column leaves the start-up out.
        System.out.println("| latency | requests | wall time | requests/s | ÷ allowed | wall ÷ (requests ÷ rate)"
                + " | (wall − start-up) ÷ (requests ÷ rate) | 429s | peak RSS |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int latency : latencies) {
            List<String> fake = List.of("--profile", "realistic:" + scale, "--latency", Integer.toString(latency),
                    "--rate-limit", Integer.toString(limit));
            try (FakeProcess server = new FakeProcess(fake)) {
                BenchTap setup = new BenchTap(server.baseUrl(), server.token());
                List<String> args = setup.syncArgs(setup.defaults(), Set.of());
                if (options.containsKey("phase")) {
                    awaitPhase(Options.integer(options, "phase", 0));
                }
                TapProcess.Result run = tap.run(args, null);
                long requests = run.tally().totalRequests();
                double ideal = requests / allowed;
                System.out.printf(Locale.ROOT, "| %d ms | %,d | %.1f s | %.1f | %.2f | %.3f | %.3f | %d | %d MB |%n", latency,
                        requests, run.seconds(), requests / run.seconds(), requests / run.seconds() / allowed,
                        run.seconds() / ideal, (run.seconds() - startup) / ideal, run.tally().total429(),
                        run.peakRssBytes() >> 20);
            }
        }
    }

    /**
     * Waits until the clock is {@code phaseMillis} into one of the fake's 10-second windows, which like Intercom's
     * are fixed on the epoch. Where in a window a sync starts changes how much of the first window's budget it
     * can spend, and so its wall time by seconds at high latency: runs started at one phase compare.
     */
    private static void awaitPhase(int phaseMillis) {
        long now = System.currentTimeMillis();
        long wait = Math.floorMod(phaseMillis - now, 10_000L);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Peak RSS of the launcher as shipped (no -Xmx given), on the realistic workspace and larger ones. */
    static void memory(Map<String, String> options) {
        List<Integer> scales = integers(options.getOrDefault("scales", "1,4"));
        int latency = Options.integer(options, "latency", 0);
        String javaOpts = options.get("java-opts");
        TapProcess tap = new TapProcess();
        System.out.printf(Locale.ROOT, "memory: bin/tap-intercom %s, every stream, %d ms latency, no rate limit%n",
                javaOpts == null ? "as shipped" : "with TAP_INTERCOM_JAVA_OPTS=\"" + javaOpts + "\"", latency);
        System.out.println("| workspace | records | requests | MB of output | wall time | peak RSS | × the first |");
        System.out.println("|---|---|---|---|---|---|---|");
        long first = 0;
        for (int scale : scales) {
            try (FakeProcess server = new FakeProcess(List.of("--profile", "realistic:" + scale, "--latency",
                    Integer.toString(latency)))) {
                BenchTap setup = new BenchTap(server.baseUrl(), server.token());
                TapProcess.Result run = tap.run(setup.syncArgs(setup.defaults(), Set.of()), javaOpts);
                first = first == 0 ? run.peakRssBytes() : first;
                System.out.printf(Locale.ROOT, "| realistic x%d | %,d | %,d | %.0f | %.1f s | %d MB | %.2f |%n", scale,
                        run.tally().totalRecords(), run.tally().totalRequests(), run.tally().bytes / 1e6, run.seconds(),
                        run.peakRssBytes() >> 20, (double) run.peakRssBytes() / first);
            }
        }
    }

    /**
     * A contacts-only first sync with slow search pages (Intercom takes a second or more for 150 contacts) and no
     * other latency: the search read in slices against one cursor. One cursor is max_concurrency 1 (a slice is
     * opened only for a free place in flight); {@code --one-cursor} and {@code --sliced} give JSON settings merged
     * into each run's config instead, {@code --only} runs one of the two.
     */
    static void slices(Map<String, String> options) {
        int contacts = Options.integer(options, "contacts", 100_000);
        int searchLatency = Options.integer(options, "search-latency", 1000);
        TapProcess tap = new TapProcess();
        System.out.printf(Locale.ROOT, "slices: contacts-only first sync of %,d contacts, %d ms per search page, no other"
                + " latency, no rate limit%n", contacts, searchLatency);
        System.out.println("| read | search pages | requests | wall time | contacts/s | × one cursor |");
        System.out.println("|---|---|---|---|---|---|");
        List<String> fake = List.of("--profile", "contacts:" + contacts, "--search-latency", Integer.toString(searchLatency));
        Map<String, String> settings = Map.of("one-cursor", options.getOrDefault("one-cursor", "{\"max_concurrency\":1}"),
                "sliced", options.getOrDefault("sliced", "{}"));
        double oneCursor = Double.NaN;
        for (String mode : List.of("one-cursor", "sliced")) {
            if (options.containsKey("only") && !options.get("only").equals(mode)) {
                continue;
            }
            try (FakeProcess server = new FakeProcess(fake)) {
                BenchTap setup = new BenchTap(server.baseUrl(), server.token());
                ObjectNode config = setup.defaults().put("start_date", "2024-11-01T00:00:00Z");
                config.setAll(json(settings.get(mode)));
                TapProcess.Result run = tap.run(setup.syncArgs(config, Set.of("contacts")), null);
                RunTally.EndpointCount search = run.tally().endpoints.getOrDefault("contacts_search", new RunTally.EndpointCount());
                oneCursor = mode.equals("one-cursor") ? run.seconds() : oneCursor;
                System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.1f s | %.0f | %.1f |%n", mode, search.requests,
                        run.tally().totalRequests(), run.seconds(), run.tally().totalRecords() / run.seconds(),
                        oneCursor / run.seconds());
            }
        }
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Integer> integers(String list) {
        List<Integer> out = new ArrayList<>();
        for (String item : list.split(",")) {
            out.add(Integer.parseInt(item.trim()));
        }
        return out;
    }
}
