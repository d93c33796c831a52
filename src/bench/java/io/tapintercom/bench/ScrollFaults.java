package io.tapintercom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.cli.TapEnvironment;
import io.tapintercom.cli.TapIntercom;
import io.tapintercom.fake.FakeIntercom;
import io.tapintercom.fake.FakeOptions;
import io.tapintercom.fake.FakeWorkspace;
import io.tapintercom.fake.MutableClock;
import io.tapintercom.fake.WorkspaceProfile;
import io.tapintercom.singer.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A big company scroll under faults: how often does the companies stream finish, how many passes does it
 * take, and how many companies are written twice? Prints figures, asserts nothing.
 * <pre>
 *   java -cp target/tap-intercom.jar:target/test-classes io.tapintercom.bench.ScrollFaults \
 *        [--companies 100000] [--page-size 50] [--runs 10] [--fault gateway|scroll|cut] [--rate 0.001]
 * </pre>
 * gateway: 503s before the request reaches the scroll; scroll: 500 "please restart the scroll operation"
 * (the scroll is closed); cut: bodies cut off halfway (the fake does not move the cursor; Intercom may).
 * The tap's waits move a virtual clock the fake's scroll expiry also runs on: outcomes, not time.
 */
public final class ScrollFaults {
    private ScrollFaults() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int companies = Options.integer(options, "companies", 100_000);
        int runs = Options.integer(options, "runs", 10);
        int pageSize = Options.integer(options, "page-size", 50);
        String fault = options.getOrDefault("fault", "gateway");
        double rate = Double.parseDouble(options.getOrDefault("rate", "0.001"));
        WorkspaceProfile profile = new WorkspaceProfile("bench-companies", 1, companies, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0);
        FakeWorkspace workspace = FakeWorkspace.generate(FakeOptions.builder().profile(profile).build());
        System.out.printf(Locale.ROOT, "scroll faults: %,d companies (%,d pages of %d), fault %s at %.4f per request, %d runs%n",
                companies, (companies + pageSize - 1) / pageSize, pageSize, fault, rate, runs);
        int finished = 0;
        long passes = 0;
        long restarts = 0;
        for (int run = 0; run < runs; run++) {
            // One virtual clock for the fake (scroll expiry) and the tap (its waits move it): no real waiting.
            MutableClock clock = new MutableClock(FakeOptions.DEFAULT_NOW.plus(Duration.ofHours(1)));
            FakeOptions.Builder fake = FakeOptions.builder().profile(profile).seed(1000 + run).scrollPageSize(pageSize)
                    .clock(clock);
            switch (fault) {
                case "scroll": fake.scrollFailureRate(rate); break;
                case "cut": fake.truncatedBodyRate(rate); break;
                default: fake.serverErrorRate(rate); break;
            }
            try (FakeIntercom server = FakeIntercom.start(fake.build(), workspace)) {
                Outcome outcome = sync(server, clock);
                finished += outcome.exit == 0 ? 1 : 0;
                passes += outcome.restarts + 1;
                restarts += outcome.restarts;
                System.out.printf(Locale.ROOT, "  run %2d: exit %d, %d restarts, %,d records, %,d distinct, %,d scroll requests%n",
                        run + 1, outcome.exit, outcome.restarts, outcome.records, outcome.distinct,
                        server.stats().requestsByEndpoint().getOrDefault("GET /companies/scroll", 0L));
            }
        }
        long completePasses = finished;
        System.out.printf(Locale.ROOT, "  the stream finished in %d of %d runs; %d of %d passes read the whole scroll (%.0f%%)%n",
                finished, runs, completePasses, passes, 100.0 * completePasses / passes);
        System.exit(0);
    }

    record Outcome(int exit, int restarts, long records, long distinct) {}

    static Outcome sync(FakeIntercom server, MutableClock clock) throws IOException {
        Path dir = Files.createTempDirectory("scroll-faults");
        ObjectNode config = Json.object().put("access_token", server.options().accessToken()).put("base_url", server.baseUrl())
                .put("start_date", "2000-01-01T00:00:00Z").put("type_custom_attributes", false);
        Path configFile = Files.writeString(dir.resolve("config.json"), config.toString());
        Path catalogFile = Files.writeString(dir.resolve("catalog.json"), catalog(configFile, clock).toString());
        Counting out = new Counting();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new TapIntercom(environment(out, new PrintStream(err, true, StandardCharsets.UTF_8), clock))
                .run(new String[] {"--config", configFile.toString(), "--catalog", catalogFile.toString()});
        String log = err.toString(StandardCharsets.UTF_8);
        int restarts = (int) log.lines().filter(l -> l.contains("restarting it from the beginning")).count();
        if (exit != 0) {
            log.lines().filter(l -> l.startsWith("CRITICAL")).forEach(l -> System.out.println("    " + l));
        }
        return new Outcome(exit, restarts, out.records, out.ids.size());
    }

    private static JsonNode catalog(Path configFile, MutableClock clock) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TapIntercom(environment(out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), clock))
                .run(new String[] {"--config", configFile.toString(), "--discover"});
        try {
            JsonNode catalog = Json.MAPPER.readTree(out.toByteArray());
            for (JsonNode stream : catalog.path("streams")) {
                boolean selected = stream.path("stream").asText().equals("companies");
                ((ObjectNode) stream.path("metadata").get(0).get("metadata")).put("selected", selected);
            }
            return catalog;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static TapEnvironment environment(OutputStream out, PrintStream err, MutableClock clock) {
        TapEnvironment system = TapEnvironment.system(out, err);
        return new TapEnvironment(out, err, Map.of(), clock, clock::advance, system.transports());
    }

    /** Counts the companies written, and which, from the Singer lines on stdout. */
    private static final class Counting extends OutputStream {
        final Set<String> ids = new HashSet<>();
        long records;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            if (b != '\n') {
                line.write(b);
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.startsWith("{\"type\":\"RECORD\"")) {
                records++;
                try {
                    ids.add(Json.MAPPER.readTree(text).path("record").path("id").asText());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }
}
