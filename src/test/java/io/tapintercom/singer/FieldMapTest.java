package io.tapintercom.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldMapTest {
    @Test
    void behavesAsALinkedHashMapUnderRandomChanges() {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            FieldMap fields = new FieldMap();
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            for (int step = 0; step < 300; step++) {
                // Few enough names that objects cross the index threshold both ways.
                String key = new String("f" + random.nextInt(2 * FieldMap.INDEX_FROM + 6)); // not interned
                IntNode value = IntNode.valueOf(random.nextInt(1000));
                switch (random.nextInt(6)) {
                    case 0, 1, 2 -> assertEquals(expected.put(key, value), fields.put(key, value));
                    case 3 -> assertEquals(expected.remove(key), fields.remove(key));
                    case 4 -> removeEveryOther(expected, fields);
                    default -> {
                        assertEquals(expected.get(key), fields.get(key));
                        assertEquals(expected.containsKey(key), fields.containsKey(key));
                    }
                }
                assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(fields.entrySet()), "seed " + seed);
                assertEquals(expected, fields);
                assertEquals(fields, expected);
                assertEquals(expected.hashCode(), fields.hashCode());
            }
        }
    }

    private static void removeEveryOther(Map<String, JsonNode> expected, FieldMap fields) {
        boolean drop = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.entrySet().iterator(); it.hasNext(); it.next()) {
            drop = !drop;
        }
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> a = expected.entrySet().iterator(), b = fields.entrySet().iterator();
                a.hasNext(); i++) {
            assertEquals(a.next(), b.next());
            if (i % 2 == 0) {
                a.remove();
                b.remove();
            }
        }
        assertFalse(fields.entrySet().iterator().hasNext() && expected.isEmpty());
    }

    @Test
    void aCopyIntoAnEmptyMapHasTheSameFieldsAndChangesApart() {
        for (int size = 0; size < 3 * FieldMap.INDEX_FROM; size++) {
            FieldMap source = new FieldMap();
            for (int i = 0; i < size; i++) {
                source.put(new String("f" + i), IntNode.valueOf(i));
            }
            FieldMap copy = new FieldMap();
            copy.putAll(source);
            assertEquals(new ArrayList<>(source.entrySet()), new ArrayList<>(copy.entrySet()));
            for (int i = 0; i < size; i++) {
                assertEquals(IntNode.valueOf(i), copy.get("f" + i), "size " + size);
            }

            Map<String, JsonNode> expected = new LinkedHashMap<>(source);
            copy.put("f0", IntNode.valueOf(-1));
            copy.put("added", IntNode.valueOf(-2));
            copy.remove("f1");
            assertEquals(expected, source, "the source is unchanged, size " + size);
            expected.put("f0", IntNode.valueOf(-1));
            expected.put("added", IntNode.valueOf(-2));
            expected.remove("f1");
            assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(copy.entrySet()), "size " + size);
        }
    }

    @Test
    void setValueWritesThroughAndKeepsThePlace() {
        FieldMap fields = new FieldMap();
        fields.put("a", IntNode.valueOf(1));
        fields.put("b", IntNode.valueOf(2));
        fields.entrySet().iterator().next().setValue(IntNode.valueOf(9));
        assertEquals(List.of("a", "b"), new ArrayList<>(fields.keySet()));
        assertEquals(IntNode.valueOf(9), fields.get("a"));
        assertEquals(IntNode.valueOf(9), fields.put("a", IntNode.valueOf(3)));
        assertEquals(List.of("a", "b"), new ArrayList<>(fields.keySet()));
    }

    @Test
    void aChangeDuringIterationIsReported() {
        FieldMap fields = new FieldMap();
        fields.put("a", IntNode.valueOf(1));
        fields.put("b", IntNode.valueOf(2));
        Iterator<Map.Entry<String, JsonNode>> it = fields.entrySet().iterator();
        it.next();
        fields.put("c", IntNode.valueOf(3));
        assertThrows(ConcurrentModificationException.class, it::next);
        fields.clear();
        assertTrue(fields.isEmpty());
        assertNull(fields.get("a"));
    }

    @Test
    void treesReadThroughTheMapperEqualJacksonsOwnAndWriteTheSame() throws Exception {
        String json = "{\"type\":\"contact\",\"id\":\"1\",\"custom_attributes\":{"
                + "\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,\"k\":11,\"l\":12,\"m\":13,\"n\":14},"
                + "\"tags\":{\"data\":[{\"id\":\"7\",\"type\":\"tag\"}],\"has_more\":false},\"price\":100.0,\"x\":null}";
        JsonNode ours = Json.MAPPER.readTree(json);
        // Jackson's own objects, the mapper otherwise configured as ours.
        JsonNode jacksons = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build().readTree(json);
        assertEquals(jacksons, ours);
        assertEquals(ours, jacksons);
        assertEquals(json, Json.MAPPER.writeValueAsString(ours));
        ObjectNode custom = (ObjectNode) ours.get("custom_attributes");
        custom.remove("a");
        custom.put("z", 26);
        assertEquals("{\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,\"k\":11,\"l\":12,\"m\":13,\"n\":14,\"z\":26}",
                Json.MAPPER.writeValueAsString(custom));
        assertEquals(14, custom.get("n").asInt());
    }
}
