package io.tapintercom.e2e;

import static io.tapintercom.e2e.IncrementalE2E.NOW;
import static io.tapintercom.e2e.IncrementalE2E.START;
import static io.tapintercom.e2e.IncrementalE2E.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tapintercom.e2e.SearchStubs.Search;
import io.tapintercom.testing.LocalWireMock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search that misbehaves on fast-changing data: a cursor handed out twice, or a page that goes back
 * before records already read. The read restarts from the last checkpoint (never loops, never skips),
 * at most five times, then fails clearly with the STATE so far still valid.
 */
class SearchRecoveryE2ETest {
    @RegisterExtension
    static WireMockExtension intercom = LocalWireMock.extension();

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void files() {
        config = IncrementalE2E.config(dir, intercom.baseUrl());
    }

    private static Instant day(int october) {
        return at(String.format("2026-10-%02dT10:00:00Z", october));
    }

    @Test
    void aRepeatedSearchCursorRestartsTheReadFromTheLastCheckpointAndEveryContactGoesOut() {
        String catalog = IncrementalE2E.catalog(dir, config, "contacts");
        List<ObjectNode> c = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            c.add(IncrementalE2E.contact("a" + i, day(9 + i)));
        }
        Search search = Search.CONTACTS;
        String p0 = SearchStubs.body(search, START, NOW, 150, null);
        String pA = SearchStubs.body(search, START, NOW, 150, "A");
        String pB = SearchStubs.body(search, START, NOW, 150, "B");
        SearchStubs.stub(intercom, search, p0, SearchStubs.page(search, c.subList(0, 2), 1, 4, 7, "A"));
        SearchStubs.stub(intercom, search, pA, SearchStubs.page(search, c.subList(2, 4), 2, 4, 7, "B"));
        // The third page hands back the cursor of the second: following it would go round forever.
        SearchStubs.stub(intercom, search, pB, SearchStubs.page(search, c.subList(4, 6), 3, 4, 7, "A"));
        // The restart asks again from the last checkpoint, a4's updated_at (less a day: contact search).
        Instant checkpoint = day(13);
        String r0 = SearchStubs.body(search, checkpoint, NOW, 150, null);
        String rC = SearchStubs.body(search, checkpoint, NOW, 150, "C");
        SearchStubs.stub(intercom, search, r0, SearchStubs.page(search, c.subList(3, 5), 1, 2, 4, "C"));
        SearchStubs.stub(intercom, search, rC, SearchStubs.page(search, c.subList(5, 7), 2, 2, 4, null));

        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, null);

        SearchStubs.verifyAsked(intercom, search, List.of(p0, pA, pB, r0, rC));
        assertEquals(List.of("a1", "a2", "a3", "a4", "a4", "a5", "a6", "a7"), result.ids("contacts"));
        assertEquals(List.of("STATE", "SCHEMA:contacts", "RECORD:contacts x2", "STATE", "RECORD:contacts x2", "STATE",
                "RECORD:contacts x2", "STATE", "RECORD:contacts x2", "STATE", "STATE"), IncrementalE2E.shape(result));
        assertEquals("2026-10-16T10:00:00.000000Z", IncrementalE2E.bookmark(result.lastState(), "contacts", "updated_at"));
        assertTrue(result.stderr().contains("WARNING stream contacts: POST /contacts/search returned a cursor it had already"
                + " returned; restarting the read from 2026-10-13T10:00:00Z (restart 1 of 5)"), result.stderr());
        IncrementalE2E.assertBookmarksFollowRecords(result, "contacts", "updated_at", NOW);
    }

    @Test
    void aPageThatGoesBackInTimeRestartsTheReadBelowItsOldestRecordAndEveryConversationGoesOut() {
        String catalog = IncrementalE2E.catalog(dir, config, "conversations");
        Search search = Search.CONVERSATIONS;
        List<ObjectNode> b = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            b.add(IncrementalE2E.conversation(Integer.toString(i), day(9 + i)));
        }
        String p0 = SearchStubs.body(search, START, NOW, 150, null);
        String pX = SearchStubs.body(search, START, NOW, 150, "X");
        SearchStubs.stub(intercom, search, p0, SearchStubs.page(search, b.subList(0, 2), 1, 3, 5, "X"));
        // The second page starts again before what the first one ended on.
        SearchStubs.stub(intercom, search, pX, SearchStubs.page(search, List.of(b.get(0), b.get(2)), 2, 3, 5, "Y"));
        // The broken page holds a record older than the checkpoint (day 11): the read resumes from it (day 10),
        // so a record never seen before and older than the checkpoint cannot be skipped.
        Instant resume = day(10);
        String r0 = SearchStubs.body(search, resume, NOW, 150, null);
        String rY = SearchStubs.body(search, resume, NOW, 150, "Y2");
        SearchStubs.stub(intercom, search, r0, SearchStubs.page(search, b.subList(0, 3), 1, 2, 5, "Y2"));
        SearchStubs.stub(intercom, search, rY, SearchStubs.page(search, b.subList(3, 5), 2, 2, 4, null));
        // The page after the broken one may already be in flight (prefetched) when the read restarts.
        String pY = SearchStubs.body(search, START, NOW, 150, "Y");
        SearchStubs.stub(intercom, search, pY, SearchStubs.page(search, b.subList(3, 5), 3, 3, 5, null));

        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, null);

        List<String> asked = SearchStubs.asked(intercom, search, null).stream()
                .filter(body -> !IncrementalE2E.json(body).equals(IncrementalE2E.json(pY))).toList();
        assertEquals(List.of(p0, pX, r0, rY).stream().map(IncrementalE2E::json).toList(),
                asked.stream().map(IncrementalE2E::json).toList());
        assertEquals(List.of("1", "2", "1", "2", "3", "4", "5"), result.ids("conversations"));
        assertEquals(Set.of("1", "2", "3", "4", "5"), Set.copyOf(result.ids("conversations")));
        assertEquals("2026-10-14T10:00:00.000000Z", IncrementalE2E.bookmark(result.lastState(), "conversations", "updated_at"));
        assertTrue(result.stderr().contains("WARNING stream conversations: a page went back to records before ones already read;"
                + " restarting the read from 2026-10-10T10:00:00Z (restart 1 of 5)"), result.stderr());
        IncrementalE2E.assertBookmarksFollowRecords(result, "conversations", "updated_at", NOW);
    }

    @Test
    void aSearchThatBreaksBeforeAnyCheckpointRestartsFromTheWindowStart() {
        String catalog = IncrementalE2E.catalog(dir, config, "contacts");
        Search search = Search.CONTACTS;
        // Nothing on the first page is in the window (the evening before start_date in the workspace's
        // timezone), so no checkpoint exists when the second page repeats its own cursor: the read
        // restarts from start_date with the very same request, which this time goes well.
        ObjectNode old = IncrementalE2E.contact("old", at("2019-12-31T20:00:00Z"));
        ObjectNode a1 = IncrementalE2E.contact("a1", day(10));
        ObjectNode a2 = IncrementalE2E.contact("a2", day(11));
        String p0 = SearchStubs.body(search, START, NOW, 150, null);
        String pA = SearchStubs.body(search, START, NOW, 150, "A");
        String pB = SearchStubs.body(search, START, NOW, 150, "B");
        SearchStubs.stubSequence(intercom, search, "first page", p0,
                SearchStubs.page(search, List.of(old), 1, 3, 3, "A"),
                SearchStubs.page(search, List.of(old, a1), 1, 2, 3, "B"));
        SearchStubs.stub(intercom, search, pA, SearchStubs.page(search, List.of(a1), 2, 3, 3, "A"));
        SearchStubs.stub(intercom, search, pB, SearchStubs.page(search, List.of(a2), 2, 2, 3, null));

        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, null);

        SearchStubs.verifyAsked(intercom, search, List.of(p0, pA, p0, pB));
        assertEquals(List.of("a1", "a2"), result.ids("contacts"));
        assertTrue(result.stderr().contains("restarting the read from 2020-01-01T00:00:00Z (restart 1 of 5)"), result.stderr());
        assertEquals("2026-10-11T10:00:00.000000Z", IncrementalE2E.bookmark(result.lastState(), "contacts", "updated_at"));
    }

    @Test
    void aCursorThatKeepsRepeatingFailsAfterFiveRestartsWithTheStateSoFarValid() {
        String catalog = IncrementalE2E.catalog(dir, config, "contacts");
        Search search = Search.CONTACTS;
        ObjectNode a1 = IncrementalE2E.contact("a1", day(10));
        ObjectNode a2 = IncrementalE2E.contact("a2", day(11));
        SearchStubs.stub(intercom, search, SearchStubs.body(search, START, NOW, 150, null), SearchStubs.page(search, List.of(a1), 1, 2, 2, "A"));
        SearchStubs.stub(intercom, search, SearchStubs.body(search, START, NOW, 150, "A"), SearchStubs.page(search, List.of(a2), 2, 2, 2, "A"));
        String restart = SearchStubs.body(search, day(10), NOW, 150, null);
        String restartNext = SearchStubs.body(search, day(10), NOW, 150, "R");
        SearchStubs.stub(intercom, search, restart, SearchStubs.page(search, List.of(a1), 1, 2, 2, "R"));
        SearchStubs.stub(intercom, search, restartNext, SearchStubs.page(search, List.of(a2), 2, 2, 2, "R"));

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(1, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("CRITICAL stream contacts: the search kept breaking (POST /contacts/search returned a cursor it had"
                + " already returned) after 5 restarts; the STATE written so far is valid, run the tap again later"),
                IncrementalE2E.criticalLines(result));
        // The first read and five restarts, two pages each: then it stops.
        List<String> asked = SearchStubs.asked(intercom, search, null);
        assertEquals(12, asked.size(), asked.toString());
        List<String> restartedFrom = asked.subList(2, 12).stream().filter(b -> !b.contains("starting_after")).toList();
        assertEquals(5, restartedFrom.size(), asked.toString());
        restartedFrom.forEach(b -> assertEquals(IncrementalE2E.json(restart), IncrementalE2E.json(b)));
        assertEquals("2026-10-10T10:00:00.000000Z", IncrementalE2E.bookmark(result.lastState(), "contacts", "updated_at"));
        assertEquals(Set.of("a1"), Set.copyOf(result.ids("contacts")));
    }

    @Test
    void pagesThatKeepGoingBackFailAfterFiveRestarts() {
        String catalog = IncrementalE2E.catalog(dir, config, "tickets");
        Search search = Search.TICKETS;
        ObjectNode t1 = IncrementalE2E.ticket("1", day(10));
        ObjectNode t2 = IncrementalE2E.ticket("2", day(11));
        SearchStubs.stub(intercom, search, SearchStubs.body(search, START, NOW, 150, null), SearchStubs.page(search, List.of(t1, t2), 1, 2, 3, "X"));
        SearchStubs.stub(intercom, search, SearchStubs.body(search, START, NOW, 150, "X"), SearchStubs.page(search, List.of(t1), 2, 2, 3, null));
        // Each restart resumes below the broken page's oldest record (day 10), and breaks again.
        SearchStubs.stub(intercom, search, SearchStubs.body(search, day(10), NOW, 150, null), SearchStubs.page(search, List.of(t2), 1, 2, 2, "Y"));
        SearchStubs.stub(intercom, search, SearchStubs.body(search, day(10), NOW, 150, "Y"), SearchStubs.page(search, List.of(t1), 2, 2, 2, null));

        TapRun.Result result = TapRun.tap().run("--config", config, "--catalog", catalog);

        assertEquals(1, result.exit(), result.toString());
        SchemaCheck.assertValid(result);
        assertEquals(List.of("CRITICAL stream tickets: the search kept breaking (a page went back to records before ones already"
                + " read) after 5 restarts; the STATE written so far is valid, run the tap again later"),
                IncrementalE2E.criticalLines(result));
        assertEquals(12, SearchStubs.asked(intercom, search, null).size());
        assertEquals("2026-10-11T10:00:00.000000Z", IncrementalE2E.bookmark(result.lastState(), "tickets", "updated_at"));
        assertEquals("tickets", result.lastState().path("currently_syncing").asText());
    }

    // ---- records that break the rules (issue 12) -------------------------------------------------------

    @Test
    void oneTicketOutOfOrderOnTheFirstPageDoesNotEndTheReadAndIsSkippedWithAWarningNamingIt() {
        String catalog = IncrementalE2E.catalog(dir, config, "tickets");
        Search search = Search.TICKETS;
        ObjectNode odd = IncrementalE2E.ticket("2100", at("2100-01-01T00:00:00Z"));
        List<ObjectNode> t = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            t.add(IncrementalE2E.ticket(Integer.toString(i), day(9 + i)));
        }
        String p0 = SearchStubs.body(search, START, NOW, 150, null);
        String pA = SearchStubs.body(search, START, NOW, 150, "A");
        SearchStubs.stub(intercom, search, p0, SearchStubs.page(search, List.of(t.get(0), odd, t.get(1), t.get(2)), 1, 2, 6, "A"));
        SearchStubs.stub(intercom, search, pA, SearchStubs.page(search, t.subList(3, 5), 2, 2, 6, null));

        TapRun.Result result = IncrementalE2E.sync(NOW, config, catalog, null);

        SearchStubs.verifyAsked(intercom, search, List.of(p0, pA));
        assertEquals(List.of("1", "2", "3", "4", "5"), result.ids("tickets"));
        assertTrue(result.stderr().contains("WARNING stream tickets: record 2100, updated 2100-01-01T00:00:00.000000Z among"
                + " earlier records, lies after the end of this read (2026-11-01T12:00:00.000000Z): out of order, outside the"
                + " window, skipped"), result.stderr());
        assertEquals("2026-10-14T10:00:00.000000Z", IncrementalE2E.bookmark(result.lastState(), "tickets", "updated_at"));
        IncrementalE2E.assertBookmarksFollowRecords(result, "tickets", "updated_at", NOW);
    }

    @Test
    void aConversationWithoutItsIdIsNotWrittenTheStreamStopsNamingWhereAndNoBookmarkMovesPastIt() {
        String catalog = IncrementalE2E.catalog(dir, config, "conversations");
        Search search = Search.CONVERSATIONS;
        ObjectNode keyless = IncrementalE2E.conversation("x", day(13));
        keyless.remove("id");
        String p0 = SearchStubs.body(search, START, NOW, 150, null);
        String pA = SearchStubs.body(search, START, NOW, 150, "A");
        SearchStubs.stub(intercom, search, p0, SearchStubs.page(search,
                List.of(IncrementalE2E.conversation("1", day(10)), IncrementalE2E.conversation("2", day(11))), 1, 2, 4, "A"));
        SearchStubs.stub(intercom, search, pA, SearchStubs.page(search,
                List.of(IncrementalE2E.conversation("3", day(12)), keyless), 2, 2, 4, null));

        TapRun.Result result = TapRun.tap().at(NOW).run("--config", config, "--catalog", catalog);

        assertEquals(1, result.exit(), result.toString());
        assertEquals(List.of("CRITICAL stream conversations: record 2 of page 2 of the read from 2020-01-01T00:00:00.000000Z to"
                + " 2026-11-01T12:00:00.000000Z has no \"id\"; a record without its key cannot be written, so the stream stops"
                + " here (the STATE written so far is valid and no bookmark moved past it)"), IncrementalE2E.criticalLines(result));
        SchemaCheck.assertValid(result);
        assertEquals(List.of("1", "2", "3"), result.ids("conversations"));
        assertEquals("2026-10-11T10:00:00.000000Z", IncrementalE2E.bookmark(result.lastState(), "conversations", "updated_at"));
    }
}
