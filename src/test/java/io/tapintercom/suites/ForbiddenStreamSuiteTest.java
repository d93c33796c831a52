package io.tapintercom.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.e2e.SchemaCheck;
import io.tapintercom.e2e.TapRun;
import io.tapintercom.fake.FakeIntercom;
import io.tapintercom.fake.FakeOptions;
import io.tapintercom.fake.MutableClock;
import io.tapintercom.fake.WorkspaceProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token without the permission for one resource: that stream (and its children) stops, every other
 * stream finishes with every record, the run exits 1 with one line per stream it could not read, and the
 * STATE it leaves lets the next run (with the permission granted) complete the stream.
 */
class ForbiddenStreamSuiteTest {
    private static final Set<String> ALL = Set.of("admins", "teams", "tags", "segments", "contacts", "contact_notes",
            "companies", "company_segments", "conversations", "conversation_parts", "tickets", "articles", "activity_logs");

    @TempDir
    Path dir;

    private static List<String> critical(TapRun.Result result) {
        return result.stderr().lines().filter(line -> line.startsWith("CRITICAL ")).toList();
    }

    @Test
    void aForbiddenSearchStopsOnlyItsStreamAndTheNextRunCompletesIt() throws Exception {
        MutableClock clock = new MutableClock(FakeOptions.DEFAULT_NOW.plus(Duration.ofHours(1)));
        FakeOptions options = FakeOptions.builder().profile(WorkspaceProfile.small()).clock(clock)
                .refusedRoutes(Set.of("POST /tickets/search")).build();
        JsonNode state;
        Map<String, Map<String, Long>> seen = new HashMap<>();
        FakeWorkspaceRun run;
        try (FakeIntercom fake = FakeIntercom.start(options)) {
            run = new FakeWorkspaceRun(fake, clock, Files.createDirectories(dir.resolve("refused")), ALL);

            TapRun.Result result = run.sync(null);

            assertEquals(1, result.exit(), result.toString());
            assertEquals(List.of("CRITICAL stream tickets could not be read: Intercom refused POST /tickets/search: 403"
                    + " forbidden: The access token does not have the permission this resource needs (the app likely"
                    + " lacks the \"Read tickets\" permission (Developer Hub, Authentication))"), critical(result));
            SchemaCheck.assertValid(result);
            FakeWorkspaceRun.collect(result, seen);
            Map<String, Map<String, Long>> truth = run.truth();
            for (String stream : FakeWorkspaceRun.streamsChecked()) {
                if (!stream.equals("tickets") && ALL.contains(stream)) {
                    assertEquals(truth.get(stream), seen.get(stream), stream + " is complete");
                }
            }
            assertFalse(seen.containsKey("tickets"));
            state = result.lastState();
            // The stream left unfinished (if any) is the refused one: the next run starts with it.
            JsonNode current = state.path("currently_syncing");
            assertTrue(current.isNull() || current.asText().equals("tickets"), state.toString());
            assertTrue(state.path("bookmarks").path("tickets").path("updated_at").isMissingNode(), state.toString());
            assertTrue(state.path("bookmarks").has("conversations"), state.toString());
        }
        FakeOptions granted = options.toBuilder().refusedRoutes(Set.of()).build();
        try (FakeIntercom fake = FakeIntercom.start(granted, run.fake.workspace())) {
            FakeWorkspaceRun again = new FakeWorkspaceRun(fake, clock, Files.createDirectories(dir.resolve("granted")),
                    Set.of("tickets"));

            TapRun.Result resumed = again.sync(state);

            assertEquals(0, resumed.exit(), resumed.toString());
            Map<String, Map<String, Long>> tickets = new HashMap<>();
            FakeWorkspaceRun.collect(resumed, tickets);
            assertEquals(again.truth().get("tickets"), tickets.get("tickets"));
        }
    }

    @Test
    void aForbiddenChildResourceStopsItsGroupOnly() {
        MutableClock clock = new MutableClock(FakeOptions.DEFAULT_NOW.plus(Duration.ofHours(1)));
        FakeOptions options = FakeOptions.builder().profile(WorkspaceProfile.small()).clock(clock)
                .refusedRoutes(Set.of("GET /contacts/{id}/notes")).build();
        try (FakeIntercom fake = FakeIntercom.start(options)) {
            FakeWorkspaceRun run = new FakeWorkspaceRun(fake, clock, dir, ALL);

            TapRun.Result result = run.sync(null);

            assertEquals(1, result.exit(), result.toString());
            List<String> lines = critical(result);
            assertEquals(1, lines.size(), result.stderr());
            assertTrue(lines.get(0).startsWith("CRITICAL streams contacts and contact_notes could not be read:"
                    + " Intercom refused GET /contacts/"), lines.get(0));
            assertTrue(lines.get(0).endsWith("(the app likely lacks the \"Read and list users and companies\" permission"
                    + " (Developer Hub, Authentication))"), lines.get(0));
            Map<String, Map<String, Long>> seen = new HashMap<>();
            FakeWorkspaceRun.collect(result, seen);
            Map<String, Map<String, Long>> truth = run.truth();
            for (String stream : List.of("companies", "conversations", "conversation_parts", "tickets", "articles",
                    "activity_logs", "admins", "teams", "tags")) {
                assertEquals(truth.get(stream), seen.get(stream), stream + " is complete");
            }
            assertTrue(result.lastState().path("bookmarks").path("contact_notes").isMissingNode(),
                    result.lastState().toString());
        }
    }
}
