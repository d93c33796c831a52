package io.tapintercom.fake;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeDeterminismTest {
    private static final List<String> GETS = List.of("/admins", "/teams", "/tags", "/segments?include_count=true",
            "/data_attributes?model=company&include_archived=true", "/help_center/collections?per_page=5",
            "/articles?page=2&per_page=7", "/admins/activity_logs?created_at_after=0", "/conversations/3",
            "/companies/scroll", "/subscription_types", "/ticket_types", "/me", "/nope");
    private static final String SEARCH = FakeClient.search(
            "{\"field\":\"updated_at\",\"operator\":\">\",\"value\":1700000000}", 40, null, "ascending");

    private static List<byte[]> capture(long seed) throws Exception {
        try (FakeIntercom fake = FakeIntercom.start(FakeOptions.small().withSeed(seed))) {
            FakeClient client = new FakeClient(fake);
            List<byte[]> out = new java.util.ArrayList<>();
            for (String path : GETS) {
                out.add(client.getRaw(path).body());
            }
            out.add(client.postRaw("/contacts/search", SEARCH).body());
            out.add(client.postRaw("/conversations/search", SEARCH).body());
            out.add(client.postRaw("/tickets/search", SEARCH).body());
            // pages.next URLs name the (ephemeral) port; everything else must match byte for byte.
            out.replaceAll(body -> new String(body, java.nio.charset.StandardCharsets.UTF_8)
                    .replace(fake.baseUrl(), "http://fake").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return out;
        }
    }

    @Test
    void sameSeedServesTheSameBytes() throws Exception {
        List<byte[]> first = capture(7);
        List<byte[]> second = capture(7);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), second.get(i), "response " + i + " differs");
        }
    }

    @Test
    void differentSeedsServeDifferentWorkspaces() throws Exception {
        List<byte[]> a = capture(7);
        List<byte[]> b = capture(8);
        assertFalse(java.util.Arrays.equals(a.get(GETS.size()), b.get(GETS.size())));
    }

    @Test
    void generationAndMutationsRepeat() {
        FakeWorkspace a = FakeWorkspace.generate(3, WorkspaceProfile.small(), FakeOptions.DEFAULT_NOW);
        FakeWorkspace b = FakeWorkspace.generate(3, WorkspaceProfile.small(), FakeOptions.DEFAULT_NOW);
        assertEquals(a.expected(FakeWorkspace.CONTACTS), b.expected(FakeWorkspace.CONTACTS));
        assertEquals(a.touch("contacts", 25, 1_800_000_000L), b.touch("contacts", 25, 1_800_000_000L));
        assertEquals(a.touch("conversations", 5, 1_800_000_100L), b.touch("conversations", 5, 1_800_000_100L));
        assertEquals(a.expected(FakeWorkspace.CONVERSATION_PARTS), b.expected(FakeWorkspace.CONVERSATION_PARTS));
        assertNotEquals(a.expected(FakeWorkspace.CONTACTS),
                FakeWorkspace.generate(4, WorkspaceProfile.small(), FakeOptions.DEFAULT_NOW)
                        .expected(FakeWorkspace.CONTACTS));
    }

    @Test
    void timestampsHaveBulkClustersAndMidnightEdges() {
        FakeWorkspace ws = FakeWorkspace.generate(11, WorkspaceProfile.benchmark(1), FakeOptions.DEFAULT_NOW);
        java.util.Map<Long, Integer> perSecond = new java.util.HashMap<>();
        int nearMidnight = 0;
        long now = FakeOptions.DEFAULT_NOW.getEpochSecond();
        for (long updated : ws.expected(FakeWorkspace.CONTACTS).values()) {
            perSecond.merge(updated, 1, Integer::sum);
            long secondOfDay = Math.floorMod(updated, 86_400L);
            if (secondOfDay < 90 || secondOfDay > 86_400 - 90) {
                nearMidnight++;
            }
            assertTrue(updated <= now && updated > now - 2 * 366 * 86_400L);
        }
        int biggest = perSecond.values().stream().max(Integer::compare).orElse(0);
        long biggestSecond = perSecond.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).get().getKey();
        assertEquals(0, biggestSecond % 86_400, "the largest bulk update sits exactly on a UTC midnight");
        assertTrue(biggest > 1000, "bulk update cluster of " + biggest);
        assertTrue(nearMidnight > 2000, "records near midnight: " + nearMidnight);
    }
}
