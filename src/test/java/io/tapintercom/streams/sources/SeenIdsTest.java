package io.tapintercom.streams.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeenIdsTest {
    static String objectId(int i) {
        return String.format("%08x%016x", 0x6762f07a + i, 0x1bb69f9f2193baeaL * (i + 1));
    }

    @Test
    void objectIdsAndOtherIdsAreRememberedExactly() {
        SeenIds seen = new SeenIds(100_000);
        for (int i = 0; i < 50_000; i++) {
            assertTrue(seen.add(objectId(i)), "new: " + objectId(i));
        }
        assertTrue(seen.add("co1"));
        assertTrue(seen.add("6762F07A1BB69F9F2193BAEA"), "upper-case hex is another id");
        for (int i = 0; i < 50_000; i++) {
            assertFalse(seen.add(objectId(i)), "seen: " + objectId(i));
        }
        assertFalse(seen.add("co1"));
        assertEquals(50_002, seen.size());
    }

    @Test
    void pastItsCapacityItReportsIdsAsNewRatherThanSkippingThem() {
        SeenIds seen = new SeenIds(10);
        for (int i = 0; i < 10; i++) {
            seen.add(objectId(i));
        }
        assertTrue(seen.add(objectId(10)));
        assertTrue(seen.add(objectId(10)), "not remembered: reported new again (a duplicate at worst, never a loss)");
        assertFalse(seen.add(objectId(3)), "what it took it still knows");
        assertTrue(seen.add("other"));
        assertEquals(10, seen.size());
    }
}
