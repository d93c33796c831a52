package io.tapintercom.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.Logger;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.sync.SlicedRead.SlicePage;
import io.tapintercom.intercom.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlicedReadTest {
    static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant SIGNPOST = Instant.parse("2026-01-01T00:00:00Z");
    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    static List<JsonNode> yearOfRecords(int count) {
        List<JsonNode> records = new ArrayList<>();
        long span = Duration.between(FROM, SIGNPOST).getSeconds();
        for (int i = 0; i < count; i++) {
            // Denser towards the end of the year, as real updates are.
            double share = Math.sqrt((i + 0.5) / count);
            records.add(MemorySource.record("r" + i, FROM.plusSeconds((long) (share * (span - 1)))));
        }
        return records;
    }

    static Optional<Instant> key(JsonNode record) {
        return Optional.of(Instant.ofEpochSecond(record.path("updated_at").asLong()));
    }

    SlicedRead read(MemorySource source, int maxSlices) {
        return read(source, maxSlices, Clock.systemUTC());
    }

    SlicedRead read(MemorySource source, int maxSlices, Clock clock) {
        return new SlicedRead("contacts", new ReadWindow(FROM, SIGNPOST),
                window -> new PageReader("contacts", source, null, SlicedReadTest::key, window, Logger.discarding()),
                new SlicePlanner(() -> maxSlices, Duration.ofHours(1)), threads, clock, Logger.discarding());
    }

    @Test
    void aGroupThatTakesNoPageWithinAPagesLatencyHasNoMorePagesComingThanAtTheStartHoweverManySlices() {
        List<JsonNode> records = yearOfRecords(3000);
        MemorySource source = new MemorySource(records, 10, Duration.ofHours(1));
        Set<String> arrived = new HashSet<>();
        int taken = 0;
        // The clock stands still: pages come in no time, and the group never takes two within one page's latency.
        try (SlicedRead read = read(source, 64, new TestClock())) {
            for (SlicePage page = read.next(); page != null; page = read.next()) {
                taken++;
                assertTrue(source.pagesServed.get() - taken <= PageDemand.START,
                        source.pagesServed.get() + " pages read, " + taken + " taken");
                page.records().forEach(r -> arrived.add(r.path("id").asText()));
                read.written(page.slice(), Optional.empty());
            }
            assertTrue(read.slices().size() > 2 * PageDemand.START, "cut into " + read.slices().size() + " slices");
        }
        assertEquals(records.size(), arrived.size(), "every record arrives");
    }

    @Test
    void aLongReadIsSlicedEveryRecordArrivesInOrderWithinItsSliceAndTheBookmarkNeverPassesAnUnwrittenRecord() {
        List<JsonNode> records = yearOfRecords(2000);
        MemorySource source = new MemorySource(records, 10, Duration.ofHours(1));
        Map<String, Instant> written = new HashMap<>();
        Map<Slice, Instant> lastOfSlice = new HashMap<>();
        Instant bookmark = null;
        try (SlicedRead read = read(source, 8)) {
            for (SlicePage page = read.next(); page != null; page = read.next()) {
                Window filter = new Window(page.window());
                List<JsonNode> mine = page.records().stream().filter(filter::contains).toList();
                for (JsonNode record : mine) {
                    Instant at = key(record).orElseThrow();
                    Instant previous = lastOfSlice.put(page.slice(), at);
                    assertTrue(previous == null || !at.isBefore(previous), "records of one slice come in order");
                    written.put(record.path("id").asText(), at);
                }
                Optional<Instant> highest = mine.stream().map(r -> key(r).orElseThrow()).max(Instant::compareTo);
                Optional<Instant> safe = read.written(page.slice(), highest);
                if (safe.isPresent()) {
                    assertTrue(bookmark == null || !safe.get().isBefore(bookmark), "the bookmark never moves back");
                    bookmark = safe.get();
                    for (JsonNode record : records) {
                        Instant at = key(record).orElseThrow();
                        if (at.isBefore(bookmark)) {
                            assertTrue(written.containsKey(record.path("id").asText()),
                                    record + " is before the bookmark " + bookmark + " but was not written");
                        }
                    }
                }
            }
            assertTrue(read.slices().size() > 8, "the read was cut into slices, and dense ones again: " + read.slices());
            bookmark = read.bookmark().orElseThrow();
        }
        assertEquals(records.size(), written.size(), "every record arrives");
        Instant newest = records.stream().map(r -> key(r).orElseThrow()).max(Instant::compareTo).orElseThrow();
        assertEquals(newest, bookmark, "at the end, the newest record");
        assertTrue(source.opened.size() > 1);
    }

    @Test
    void pagesWrittenWellAfterTheyWereHandedOutNeverLetTheBookmarkPassAnUnwrittenRecord() {
        List<JsonNode> records = yearOfRecords(2000);
        MemorySource source = new MemorySource(records, 10, Duration.ofHours(1));
        java.util.ArrayDeque<SlicePage> handedOut = new java.util.ArrayDeque<>();
        java.util.Random random = new java.util.Random(7);
        Map<String, Instant> written = new HashMap<>();
        Instant bookmark = null;
        try (SlicedRead read = read(source, 8)) {
            for (SlicePage page = read.next(); page != null || !handedOut.isEmpty(); page = read.next()) {
                if (page != null) {
                    handedOut.add(page);
                }
                // As the group's pipeline does: up to a few pages are out at once, written in the order handed out.
                while (!handedOut.isEmpty() && (page == null || handedOut.size() > random.nextInt(6))) {
                    SlicePage oldest = handedOut.poll();
                    Window filter = new Window(oldest.window());
                    List<JsonNode> mine = oldest.records().stream().filter(filter::contains).toList();
                    mine.forEach(r -> written.put(r.path("id").asText(), key(r).orElseThrow()));
                    Optional<Instant> safe = read.written(oldest.slice(), mine.stream().map(r -> key(r).orElseThrow()).max(Instant::compareTo));
                    if (safe.isPresent()) {
                        assertTrue(bookmark == null || !safe.get().isBefore(bookmark), "the bookmark never moves back");
                        bookmark = safe.get();
                        for (JsonNode record : records) {
                            if (key(record).orElseThrow().isBefore(bookmark)) {
                                assertTrue(written.containsKey(record.path("id").asText()),
                                        record + " is before the bookmark " + bookmark + " but was not written");
                            }
                        }
                    }
                }
            }
            assertTrue(read.slices().size() > 8, "the read was cut into slices: " + read.slices());
            bookmark = read.bookmark().orElseThrow();
        }
        assertEquals(records.size(), written.size(), "every record arrives");
        assertEquals(records.stream().map(r -> key(r).orElseThrow()).max(Instant::compareTo).orElseThrow(), bookmark);
    }

    @Test
    void ofThePagesWaitingTheOneWhoseSliceHasTheMostPagesLeftIsTakenFirstAndAnEndAtOnce() {
        record Ready(String slice, long pagesLeft, boolean end) {}
        Ready shortChain = new Ready("a", 2, false);
        Ready longChain = new Ready("b", 9, false);
        Ready alsoLong = new Ready("c", 9, false);
        Ready unknown = new Ready("d", 0, false);
        Ready ended = new Ready("e", 0, true);

        assertEquals(longChain, SlicedRead.first(List.of(shortChain, longChain, alsoLong, unknown), Ready::end, Ready::pagesLeft),
                "the longest chain, and of two as long the one that came first");
        assertEquals(ended, SlicedRead.first(List.of(shortChain, longChain, ended), Ready::end, Ready::pagesLeft));
        assertEquals(unknown, SlicedRead.first(List.of(unknown, new Ready("f", 0, false)), Ready::end, Ready::pagesLeft),
                "with nothing known, the order they came in");
    }

    @Test
    void aShortReadKeepsItsOneCursor() {
        MemorySource source = new MemorySource(yearOfRecords(50), 10, Duration.ofHours(1));
        int pages = 0;
        try (SlicedRead read = read(source, 8)) {
            for (SlicePage page = read.next(); page != null; page = read.next()) {
                read.written(page.slice(), Optional.empty());
                pages++;
            }
        }
        assertEquals(5, pages);
        assertEquals(List.of(new ReadWindow(FROM, SIGNPOST)), source.opened);
    }

    /** The window filter the group applies. */
    record Window(ReadWindow window) {
        boolean contains(JsonNode record) {
            Instant at = key(record).orElseThrow();
            return !at.isBefore(window.from()) && !at.isAfter(window.to());
        }
    }

    @Test
    void slicesAreFoundInTheTapsOrder() {
        MemorySource source = new MemorySource(yearOfRecords(2000), 10, Duration.ofHours(1));
        TreeMap<Instant, Slice> byStart = new TreeMap<>();
        try (SlicedRead read = read(source, 4)) {
            for (SlicePage page = read.next(); page != null; page = read.next()) {
                read.written(page.slice(), Optional.empty());
            }
            List<Slice> slices = read.slices();
            for (int i = 1; i < slices.size(); i++) {
                assertEquals(slices.get(i - 1).to().plusSeconds(1), slices.get(i).from(), "contiguous: " + slices);
            }
            slices.forEach(s -> byStart.put(s.from(), s));
        }
        assertEquals(FROM, byStart.firstKey());
    }
}
