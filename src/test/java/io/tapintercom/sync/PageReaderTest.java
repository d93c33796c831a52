package io.tapintercom.sync;

import static io.tapintercom.sync.MemorySource.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.pagination.CursorLoopException;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.singer.Logger;
import io.tapintercom.streams.ReadWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PageReaderTest {
    static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant SIGNPOST = Instant.parse("2026-11-01T12:00:00Z");
    static final ReadWindow WINDOW = new ReadWindow(FROM, SIGNPOST);

    static Instant day(int october) {
        return Instant.parse(String.format("2026-10-%02dT10:00:00Z", october));
    }

    static JsonNode at(String id, Instant when) {
        return record(id, when);
    }

    static Supplier<Page> page(JsonNode... records) {
        return () -> MemorySource.page(List.of(records), 1, 1, records.length);
    }

    static Supplier<Page> loop() {
        return () -> {
            throw new CursorLoopException("POST /contacts/search returned a cursor it had already returned");
        };
    }

    static PageReader reader(ScriptedSource source) {
        return new PageReader("contacts", source, null, r -> Optional.of(Instant.ofEpochSecond(r.path("updated_at").asLong())), WINDOW,
                Logger.discarding());
    }

    static List<String> readAll(PageReader reader) {
        List<String> ids = new ArrayList<>();
        for (Optional<Page> page = reader.next(); page.isPresent(); page = reader.next()) {
            ids.addAll(ScriptedSource.ids(page.get()));
        }
        return ids;
    }

    @Test
    void aRepeatedCursorRestartsTheReadFromTheHighestValueHandedOut() {
        ScriptedSource source = new ScriptedSource()
                .then(page(at("a1", day(10)), at("a2", day(11))), page(at("a3", day(12)), at("a4", day(13))), loop())
                .then(page(at("a4", day(13)), at("a5", day(14))), page(at("a6", day(15))));

        List<String> ids = readAll(reader(source));

        assertEquals(List.of("a1", "a2", "a3", "a4", "a4", "a5", "a6"), ids);
        assertEquals(List.of(WINDOW, new ReadWindow(day(13), SIGNPOST)), source.opened);
    }

    @Test
    void aPageThatGoesBackRestartsBelowItsOldestRecord() {
        ScriptedSource source = new ScriptedSource()
                .then(page(at("1", day(10)), at("2", day(11))), page(at("1", day(10)), at("3", day(12))))
                .then(page(at("1", day(10)), at("2", day(11)), at("3", day(12))), page(at("4", day(13))));

        List<String> ids = readAll(reader(source));

        assertEquals(List.of("1", "2", "1", "2", "3", "4"), ids);
        assertEquals(new ReadWindow(day(10), SIGNPOST), source.opened.get(1));
    }

    @Test
    void aBreakBeforeAnyRecordInTheWindowRestartsFromTheWindowStart() {
        ScriptedSource source = new ScriptedSource()
                .then(page(at("old", FROM.minusSeconds(3600))), loop())
                .then(page(at("a1", day(10))));

        assertEquals(List.of("old", "a1"), readAll(reader(source)));
        assertEquals(WINDOW, source.opened.get(1));
    }

    @Test
    void aSearchThatKeepsBreakingFailsAfterFiveRestarts() {
        ScriptedSource source = new ScriptedSource();
        for (int i = 0; i <= PageReader.MAX_RESTARTS; i++) {
            source.then(page(at("a1", day(10))), loop());
        }
        PageReader reader = reader(source);

        SyncException failure = assertThrows(SyncException.class, () -> readAll(reader));

        assertTrue(failure.getMessage().startsWith("stream contacts: the search kept breaking (POST /contacts/search returned a"
                + " cursor it had already returned) after 5 restarts"), failure.getMessage());
        assertEquals(PageReader.MAX_RESTARTS + 1, source.opened.size());
    }

    @Test
    void oneRecordOutOfOrderDoesNotEndTheRead() {
        JsonNode odd = at("t-2100", Instant.parse("2100-01-01T00:00:00Z"));
        ScriptedSource source = new ScriptedSource()
                .then(page(at("t1", day(10)), odd, at("t2", day(11))), page(at("t3", day(12))), page(at("t4", day(13))));

        assertEquals(List.of("t1", "t-2100", "t2", "t3", "t4"), readAll(reader(source)));
        assertEquals(1, source.opened.size(), "no restart: the odd record is outside the window, not a page going back");
    }

    @Test
    void anOddRecordLastOnItsPageDoesNotEndTheReadEither() {
        JsonNode odd = at("t-2100", Instant.parse("2100-01-01T00:00:00Z"));
        ScriptedSource source = new ScriptedSource().then(page(at("t1", day(10)), odd), page(at("t2", day(11))));

        assertEquals(List.of("t1", "t-2100", "t2"), readAll(reader(source)));
    }

    @Test
    void aWholePagePastTheEndOfTheWindowEndsTheRead() {
        ScriptedSource source = new ScriptedSource().then(page(at("t1", day(10)), at("during", SIGNPOST.plusSeconds(60))),
                page(at("d2", SIGNPOST.plusSeconds(61)), at("d3", SIGNPOST.plusSeconds(62))), page(at("d4", SIGNPOST.plusSeconds(63))));

        assertEquals(List.of("t1", "during", "d2", "d3"), readAll(reader(source)));
        assertEquals(2, source.served, "the page after a page wholly past the end is never asked for");
    }

    @Test
    void theHighestValueHandedOutIgnoresRecordsOutsideTheWindow() {
        ScriptedSource source = new ScriptedSource().then(page(at("t1", day(10)), at("odd", Instant.parse("2100-01-01T00:00:00Z"))));
        PageReader reader = reader(source);

        reader.next();

        assertEquals(Optional.of(day(10)), reader.highestHandedOut());
    }
}
