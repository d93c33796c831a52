package io.tapintercom.fake;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How many parts each conversation has and when each was written. Generated parts are spaced evenly between the
 * conversation's creation and its original updated_at; parts added later by mutations keep their own timestamps, so
 * touching a conversation never rewrites the history of its older parts.
 */
final class ConversationParts {
    private final short[] count;
    private final int[] originalCount;
    private final int[] originalUpdatedAt;
    private final Map<Integer, int[]> addedPartTimes = new HashMap<>();

    ConversationParts(long seed, WorkspaceProfile profile, EntityTable conversations) {
        int total = conversations.size();
        count = new short[total];
        originalCount = new int[total];
        originalUpdatedAt = new int[total];
        SplittableRandom rnd = new SplittableRandom(Mix.hash(seed, Mix.PART, 0xC0FFEEL));
        int span = profile.maxParts() - profile.minParts() + 1;
        for (int c = 0; c < total; c++) {
            int n;
            if (c >= profile.conversations()) {
                n = profile.largeConversationParts();
            } else {
                double u = rnd.nextDouble();
                // Squared so most conversations are short and a tail is long, as in a real inbox.
                n = profile.minParts() + Math.min(span - 1, (int) (u * u * span));
            }
            count[c] = (short) n;
            originalCount[c] = n;
            originalUpdatedAt[c] = conversations.updatedAt(c);
        }
    }

    int count(int conversation) {
        return count[conversation];
    }

    static String partId(int conversation, int part) {
        return Long.toString((conversation + 1L) * 1000L + part + 1);
    }

    int createdAt(int conversation, int part, int conversationCreatedAt) {
        int n = originalCount[conversation];
        if (part >= n) {
            return addedPartTimes.get(conversation)[part - n];
        }
        long span = (long) originalUpdatedAt[conversation] - conversationCreatedAt;
        // The last original part lands exactly on the conversation's original updated_at.
        return (int) (conversationCreatedAt + (n == 1 ? span : span * part / (n - 1)));
    }

    /** @return false when the conversation already holds the maximum number of parts */
    boolean add(int conversation, int createdAt) {
        if (count[conversation] >= WorkspaceProfile.MAX_PARTS_PER_CONVERSATION) {
            return false;
        }
        int[] old = addedPartTimes.getOrDefault(conversation, new int[0]);
        int[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = createdAt;
        addedPartTimes.put(conversation, grown);
        count[conversation]++;
        return true;
    }
}
