package io.tapintercom.fake;

/**
 * How many of each object a fake workspace holds. {@code largeConversations} are extra conversations with more than
 * 500 parts (beyond the API's truncation limit), appended after the regular ones.
 */
public record WorkspaceProfile(
        String name,
        int contacts,
        int companies,
        int conversations,
        int minParts,
        int maxParts,
        int largeConversations,
        int largeConversationParts,
        int tickets,
        int admins,
        int teams,
        int tags,
        int segments,
        int collections,
        int articles,
        int activityLogs) {

    /** Part ids are conversation number * 1000 + part number, so a conversation can never exceed this. */
    public static final int MAX_PARTS_PER_CONVERSATION = 999;

    public WorkspaceProfile {
        if (contacts < 1 || companies < 1 || conversations < 0 || admins < 1 || teams < 1 || tags < 1 || segments < 1) {
            throw new IllegalArgumentException("profile needs at least one contact, company, admin, team, tag, segment");
        }
        if (minParts < 1 || maxParts < minParts || maxParts > MAX_PARTS_PER_CONVERSATION
                || largeConversationParts > MAX_PARTS_PER_CONVERSATION) {
            throw new IllegalArgumentException("parts per conversation must be within 1.." + MAX_PARTS_PER_CONVERSATION);
        }
        if (contacts > 0xFFFFFF || companies > 0xFFFFFF || segments > 0xFFFFFF) {
            throw new IllegalArgumentException("object ids hold at most 16,777,215 entities per kind");
        }
    }

    /** For the tap's offline --demo mode: a few of everything. */
    public static WorkspaceProfile demo() {
        return new WorkspaceProfile("demo", 25, 10, 12, 1, 12, 0, 0, 6, 4, 2, 15, 4, 3, 6, 20);
    }

    /** For unit and integration tests: every pagination style spans several pages, one conversation has 620 parts. */
    public static WorkspaceProfile small() {
        return new WorkspaceProfile("small", 300, 120, 120, 1, 40, 1, 620, 40, 8, 4, 30, 6, 8, 40, 120);
    }

    /**
     * A mid-size customer's workspace, per scale unit: 5,000 contacts, 800 companies, 3,000 conversations of 1-40
     * parts (about 62,000), 400 tickets. The throughput benchmarks measure the use of Intercom's budget on it.
     */
    public static WorkspaceProfile realistic(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1");
        }
        return new WorkspaceProfile("realistic-" + scale, 5_000 * scale, 800 * scale, 3_000 * scale, 1, 40, 0, 0,
                400 * scale, 20, 5, 60, 12, 10, 120, 1_000 * scale);
    }

    /** Contacts and next to nothing else: for timing the contact search alone. */
    public static WorkspaceProfile contactsOnly(int contacts) {
        return new WorkspaceProfile("contacts-" + contacts, contacts, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0);
    }

    /** Per scale unit: 200,000 contacts, 50,000 conversations of 1-40 parts, 20,000 companies. */
    public static WorkspaceProfile benchmark(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1");
        }
        return new WorkspaceProfile("benchmark-" + scale, 200_000 * scale, 20_000 * scale, 50_000 * scale, 1, 40, 0, 0,
                10_000 * scale, 40, 8, 200, 20, 30, 500, 5_000 * scale);
    }

    public int totalConversations() {
        return conversations + largeConversations;
    }
}
