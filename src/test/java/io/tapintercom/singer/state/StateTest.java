package io.tapintercom.singer.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tapintercom.singer.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateTest {
    private static final String T1 = "2024-05-01T10:00:00.000000Z";
    private static final String T2 = "2024-05-02T10:00:00.000000Z";

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<String> bookmark(State state, String stream) {
        return state.bookmark(stream, "updated_at").map(JsonNode::asText);
    }

    @Test
    void emptyStateHasAnEmptyBookmarksObject() {
        assertEquals(json("{'bookmarks':{}}"), State.empty().toJson());
        assertTrue(State.empty().currentlySyncing().isEmpty());
        assertTrue(State.empty().bookmark("companies", "updated_at").isEmpty());
    }

    @Test
    void nullOrAnEmptyObjectReadsAsTheEmptyState() {
        assertEquals(State.empty(), State.fromJson(null));
        assertEquals(State.empty(), State.fromJson(json("null")));
        assertEquals(State.empty(), State.fromJson(json("{}")));
        assertEquals(State.empty(), State.fromJson(json("{'bookmarks':null}")));
    }

    @Test
    void readingAndWritingGivesTheSameState() {
        State state = State.empty()
                .withBookmark("conversations", "updated_at", TextNode.valueOf(T1))
                .withBookmark("contacts", "updated_at", TextNode.valueOf(T2))
                .withBookmark("contacts", "offset", json("{'cursor':'abc'}"))
                .withCurrentlySyncing("contacts");
        assertEquals(state, State.fromJson(state.toJson()));
        assertEquals(state.hashCode(), State.fromJson(state.toJson()).hashCode());
        assertEquals(json("{'bookmarks':{'conversations':{'updated_at':'" + T1 + "'},"
                + "'contacts':{'updated_at':'" + T2 + "','offset':{'cursor':'abc'}}},'currently_syncing':'contacts'}"),
                state.toJson());
    }

    @Test
    void aDocumentReadAndWrittenBackIsUnchangedIncludingKeysOfOthers() {
        JsonNode document = json("{'currently_syncing':null,'bookmarks':{'admins':{'updated_at':'" + T1 + "'}},"
                + "'activate_versions':{'teams':1714564800000}}");
        assertEquals(document, State.fromJson(document).toJson());
    }

    @Test
    void withBookmarkReturnsANewStateAndLeavesTheOldOneUnchanged() {
        State before = State.fromJson(json("{'bookmarks':{'companies':{'updated_at':'" + T1 + "'}}}"));
        JsonNode beforeJson = before.toJson();
        State after = before.withBookmark("companies", "updated_at", TextNode.valueOf(T2));
        State other = before.withBookmark("contacts", "updated_at", TextNode.valueOf(T2));

        assertEquals(Optional.of(T1), bookmark(before, "companies"));
        assertEquals(beforeJson, before.toJson());
        assertEquals(Optional.of(T2), bookmark(after, "companies"));
        assertTrue(bookmark(before, "contacts").isEmpty());
        assertEquals(Optional.of(T2), bookmark(other, "contacts"));
        assertNotEquals(before, after);
    }

    @Test
    void withCurrentlySyncingReturnsANewStateAndLeavesTheOldOneUnchanged() {
        State before = State.empty();
        State syncing = before.withCurrentlySyncing("tickets");
        State done = syncing.withCurrentlySyncing(null);
        assertTrue(before.currentlySyncing().isEmpty());
        assertEquals(Optional.of("tickets"), syncing.currentlySyncing());
        assertTrue(done.currentlySyncing().isEmpty());
        assertEquals(json("{'bookmarks':{},'currently_syncing':null}"), done.toJson());
    }

    @Test
    void changingANodeAfterHandingItInOrOutDoesNotChangeTheState() {
        ObjectNode input = (ObjectNode) json("{'bookmarks':{'companies':{'updated_at':'" + T1 + "'}}}");
        State state = State.fromJson(input);
        ((ObjectNode) input.get("bookmarks").get("companies")).put("updated_at", "changed");
        assertEquals(Optional.of(T1), bookmark(state, "companies"));

        ((ObjectNode) state.toJson().get("bookmarks")).removeAll();
        assertEquals(Optional.of(T1), bookmark(state, "companies"));

        ObjectNode offset = Json.object().put("page", 2);
        State withOffset = state.withBookmark("companies", "offset", offset);
        offset.put("page", 99);
        assertEquals(2, withOffset.bookmark("companies", "offset").orElseThrow().path("page").asInt());

        ((ObjectNode) withOffset.bookmark("companies", "offset").orElseThrow()).put("page", 42);
        assertEquals(2, withOffset.bookmark("companies", "offset").orElseThrow().path("page").asInt());
    }

    @Test
    void theLegacyFlatBookmarkIsUpgradedToUpdatedAt() {
        State state = State.fromJson(json("{'bookmarks':{'companies':'2021-01-01T00:00:00Z',"
                + "'contacts':{'updated_at':'" + T1 + "'}},'currently_syncing':'companies'}"));
        assertEquals(Optional.of("2021-01-01T00:00:00Z"), bookmark(state, "companies"));
        assertEquals(Optional.of(T1), bookmark(state, "contacts"));
        assertEquals(json("{'bookmarks':{'companies':{'updated_at':'2021-01-01T00:00:00Z'},"
                + "'contacts':{'updated_at':'" + T1 + "'}},'currently_syncing':'companies'}"), state.toJson());
        assertEquals(Optional.of("companies"), state.currentlySyncing());
    }

    @Test
    void meltanosSingerStateWrapperIsUnwrapped() {
        State state = State.fromJson(json("{'singer_state':{'bookmarks':{'admins':{'updated_at':'" + T1 + "'}}}}"));
        assertEquals(Optional.of(T1), bookmark(state, "admins"));
        assertEquals(json("{'bookmarks':{'admins':{'updated_at':'" + T1 + "'}}}"), state.toJson());
    }

    @Test
    void aWholeStateMessageSavedAsIsIsReadForItsValue() {
        State state = State.fromJson(json("{'type':'STATE','value':{'bookmarks':{'admins':{'updated_at':'" + T1 + "'}}}}"));
        assertEquals(Optional.of(T1), bookmark(state, "admins"));
        assertEquals(json("{'bookmarks':{'admins':{'updated_at':'" + T1 + "'}}}"), state.toJson());
    }

    @Test
    void aWrappedLegacyStateIsUpgradedToo() {
        State state = State.fromJson(json("{'singer_state':{'bookmarks':{'companies':'" + T1 + "'}}}"));
        assertEquals(Optional.of(T1), bookmark(state, "companies"));
    }

    @Test
    void aNullBookmarkReadsAsNoBookmark() {
        State state = State.fromJson(json("{'bookmarks':{'companies':null,'contacts':{'updated_at':null}}}"));
        assertTrue(bookmark(state, "companies").isEmpty());
        assertTrue(bookmark(state, "contacts").isEmpty());
        assertEquals(Optional.of(T1), bookmark(state.withBookmark("companies", "updated_at", TextNode.valueOf(T1)), "companies"));
    }

    @Test
    void badShapesGiveAnIllegalArgumentNamingTheProblem() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("[]", "state must be a JSON object");
        cases.put("'2024-01-01'", "state must be a JSON object");
        cases.put("{'singer_state':[]}", "state must be a JSON object");
        cases.put("{'bookmarks':[]}", "state: \"bookmarks\" must be an object");
        cases.put("{'bookmarks':'2024-01-01'}", "state: \"bookmarks\" must be an object");
        cases.put("{'bookmarks':{'companies':17}}", "state: the bookmark of stream \"companies\" must be an object");
        cases.put("{'bookmarks':{'companies':['x']}}", "state: the bookmark of stream \"companies\" must be an object");
        cases.put("{'bookmarks':{},'currently_syncing':3}", "state: \"currently_syncing\" must be a stream name or null");
        cases.forEach((document, message) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> State.fromJson(json(document)), document);
            assertEquals(message, e.getMessage(), document);
        });
    }
}
