package io.tapintercom.singer.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tapintercom.singer.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeenKeysTest {
    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static SeenKeys keys(String... ids) {
        Set<JsonNode> set = new LinkedHashSet<>();
        for (String id : ids) {
            set.add(TextNode.valueOf(id));
        }
        return SeenKeys.of(set);
    }

    @Test
    void singleKeysRoundTripThroughStateAsOneSortedArray() throws Exception {
        SeenKeys kept = keys("103", "101", "102");
        assertEquals("[\"101\",\"102\",\"103\"]", kept.toJson().toString());

        State state = State.empty().withBookmark("tags", "seen_keys", kept.toJson());
        State read = State.fromJson(json(state.toJson().toString()));

        assertEquals(Optional.of(kept), SeenKeys.fromJson(read.bookmark("tags", "seen_keys").orElseThrow(), 1));
    }

    @Test
    void compositeKeysRoundTripAndNumbersReadBackEqualTheRecordsOnes() throws Exception {
        ObjectNode record = Json.object().put("company_id", "c1").put("id", 7L).put("name", "x");
        JsonNode key = SeenKeys.keyOf(record, List.of("company_id", "id")).orElseThrow();
        SeenKeys kept = SeenKeys.of(Set.of(key));

        SeenKeys read = SeenKeys.fromJson(json(kept.toJson().toString()), 2).orElseThrow();

        assertEquals(kept, read);
        assertEquals(List.of(), read.goneFrom(kept));
        ObjectNode deleted = Json.object();
        SeenKeys.putKey(deleted, read.toJson().get(0), List.of("company_id", "id"));
        assertEquals("{\"company_id\":\"c1\",\"id\":7}", deleted.toString());
    }

    @Test
    void goneAreTheKeptKeysNotSeenNowInAStableOrder() {
        assertEquals(List.of(TextNode.valueOf("102"), TextNode.valueOf("104")),
                keys("104", "101", "102").goneFrom(keys("101", "103")));
        assertEquals(List.of(), keys().goneFrom(keys("101")));
    }

    @Test
    void aRecordWithoutItsKeyHasNone() {
        assertTrue(SeenKeys.keyOf(Json.object().put("name", "x"), List.of("id")).isEmpty());
        assertTrue(SeenKeys.keyOf(Json.object().putNull("id"), List.of("id")).isEmpty());
        assertTrue(SeenKeys.keyOf(Json.object().put("id", "1"), List.of("company_id", "id")).isEmpty());
        assertEquals(Optional.of(LongNode.valueOf(5)), SeenKeys.keyOf(Json.object().put("id", 5), List.of("id")));
    }

    @Test
    void anythingElseInTheStateReadsAsNothingKept() throws Exception {
        assertTrue(SeenKeys.fromJson(json("\"101,102\""), 1).isEmpty());
        assertTrue(SeenKeys.fromJson(json("[\"101\",{\"id\":\"102\"}]"), 1).isEmpty());
        assertTrue(SeenKeys.fromJson(json("[[\"c1\"]]"), 2).isEmpty());
        assertTrue(SeenKeys.fromJson(null, 1).isEmpty());
        assertEquals(Optional.of(keys()), SeenKeys.fromJson(json("[]"), 1));
    }

    @Test
    void aBookmarkCanBeRemovedAndTheRestStays() throws Exception {
        State state = State.empty().withBookmark("tags", "seen_keys", json("[\"1\"]")).withBookmark("tags", "version", LongNode.valueOf(3));
        assertEquals("{\"bookmarks\":{\"tags\":{\"version\":3}}}", state.withoutBookmark("tags", "seen_keys").toString());
        assertEquals(state, state.withoutBookmark("admins", "seen_keys"));
    }
}
