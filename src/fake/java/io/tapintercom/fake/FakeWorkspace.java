package io.tapintercom.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A deterministic Intercom workspace generated from (seed, profile, now). Only timestamps, versions and deletion
 * marks are stored per entity; every object is rendered on demand from (seed, index, version), so even a 10x
 * benchmark workspace (2M contacts) stays within a few tens of megabytes.
 *
 * <p>Stream names accepted by {@link #touch}: contacts, companies, conversations, tickets, articles, collections,
 * segments. By {@link #expected} and {@link #count} also: conversation_parts, segments (person segments, GET
 * /segments), admins, teams, tags, activity_logs, and the tap's link tables and per-contact lists
 * ({@link LinkTruth#STREAMS}, keyed by their composite key joined with '/').
 */
public final class FakeWorkspace {
    public static final String CONTACTS = "contacts";
    public static final String COMPANIES = "companies";
    public static final String CONVERSATIONS = "conversations";
    public static final String CONVERSATION_PARTS = "conversation_parts";
    public static final String TICKETS = "tickets";
    public static final String ARTICLES = "articles";
    public static final String COLLECTIONS = "collections";
    public static final String SEGMENTS = "segments";
    public static final String COMPANY_SEGMENTS = "company_segments";
    public static final String ADMINS = "admins";
    public static final String TEAMS = "teams";
    public static final String TAGS = "tags";
    public static final String ACTIVITY_LOGS = "activity_logs";

    private final long seed;
    private final WorkspaceProfile profile;
    private final Instant now;
    private final String workspaceId;
    private final EntityTable contacts;
    private final EntityTable companies;
    private final EntityTable conversations;
    private final EntityTable tickets;
    private final EntityTable articles;
    private final EntityTable collections;
    private final EntityTable segments;
    private final int[] activityLogCreatedAt;
    private final ConversationParts parts;
    private final DataAttributeCatalog dataAttributes = new DataAttributeCatalog();
    private final Relationships links;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Conversations deleted, as GET /conversations/deleted lists them: a few before the workspace's "now", then any deleted since. */
    private final List<DeletedConversation> deletedConversations = new ArrayList<>();
    private int touchSequence;

    private FakeWorkspace(long seed, WorkspaceProfile profile, Instant now) {
        this.seed = seed;
        this.profile = profile;
        this.now = now;
        long nowSec = now.getEpochSecond();
        this.workspaceId = workspaceIdFor(seed);
        this.contacts = table(CONTACTS, Mix.CONTACT, profile.contacts(), nowSec);
        this.companies = table(COMPANIES, Mix.COMPANY, profile.companies(), nowSec);
        this.conversations = table(CONVERSATIONS, Mix.CONVERSATION, profile.totalConversations(), nowSec);
        this.tickets = table(TICKETS, Mix.TICKET, profile.tickets(), nowSec);
        this.articles = table(ARTICLES, Mix.ARTICLE, profile.articles(), nowSec);
        this.collections = table(COLLECTIONS, Mix.COLLECTION, profile.collections(), nowSec);
        this.segments = table(SEGMENTS, Mix.SEGMENT, profile.segments(), nowSec);
        this.activityLogCreatedAt = TimelineGenerator.ascending(seed, Mix.ACTIVITY_LOG, profile.activityLogs(), nowSec);
        this.parts = new ConversationParts(seed, profile, conversations);
        this.links = new Relationships(seed, profile);
        // Ids past the live ones: conversations deleted before the workspace's "now", 2, 9 and 20 days before it.
        int[] daysAgo = {2, 9, 20};
        for (int i = 0; i < daysAgo.length; i++) {
            deletedConversations.add(new DeletedConversation(Integer.toString(profile.totalConversations() + 1 + i),
                    nowSec - daysAgo[i] * 86_400L, i % 2 == 0));
        }
    }

    /** One entry of GET /conversations/deleted. */
    public record DeletedConversation(String id, long deletedAt, boolean metricsRetained) {}

    /** Every deleted conversation by deletion time (ties by id), newest first unless {@code ascending}. */
    List<DeletedConversation> deletedConversations(boolean ascending) {
        List<DeletedConversation> sorted = new ArrayList<>(deletedConversations);
        java.util.Comparator<DeletedConversation> order = java.util.Comparator.comparingLong(DeletedConversation::deletedAt)
                .thenComparing(DeletedConversation::id);
        sorted.sort(ascending ? order : order.reversed());
        return sorted;
    }

    private EntityTable table(String stream, int kind, int count, long nowSec) {
        TimelineGenerator.Timeline t = TimelineGenerator.generate(seed, kind, count, nowSec);
        return new EntityTable(stream, t.createdAt(), t.updatedAt());
    }

    public static FakeWorkspace generate(long seed, WorkspaceProfile profile, Instant now) {
        return new FakeWorkspace(seed, profile, now);
    }

    public static FakeWorkspace generate(FakeOptions options) {
        return generate(options.seed(), options.profile(), options.now());
    }

    private static String workspaceIdFor(long seed) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SplittableRandom rnd = new SplittableRandom(Mix.hash(seed, Mix.WORKSPACE));
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(i == 0 ? 26 : alphabet.length())));
        }
        return sb.toString();
    }

    public long seed() {
        return seed;
    }

    public WorkspaceProfile profile() {
        return profile;
    }

    public Instant now() {
        return now;
    }

    public String workspaceId() {
        return workspaceId;
    }

    // ---- ids (index -> id) -------------------------------------------------------------------------------------

    public String contactId(int index) {
        return Mix.objectId(seed, Mix.CONTACT, contacts.createdAt(index), index);
    }

    public String companyId(int index) {
        return Mix.objectId(seed, Mix.COMPANY, companies.createdAt(index), index);
    }

    public String segmentId(int index) {
        return Mix.objectId(seed, Mix.SEGMENT, segments.createdAt(index), index);
    }

    public String conversationId(int index) {
        return Integer.toString(index + 1);
    }

    public String partId(int conversation, int part) {
        return ConversationParts.partId(conversation, part);
    }

    public String ticketId(int index) {
        return Integer.toString(700_001 + index);
    }

    public String adminId(int index) {
        return Integer.toString(991_267_400 + index);
    }

    public String teamId(int index) {
        return Integer.toString(814_865 + index);
    }

    public String tagId(int index) {
        return Integer.toString(5_000_100 + index);
    }

    public String collectionId(int index) {
        return Integer.toString(9_160_000 + index);
    }

    public String articleId(int index) {
        return Integer.toString(6_871_119 + index);
    }

    public String noteId(int contact, int j) {
        return Long.toString(contact * 32L + j + 1);
    }

    public String activityLogId(int index) {
        return Mix.uuid(seed ^ Mix.ACTIVITY_LOG, index);
    }

    /** Id of the first conversation with more parts than GET /conversations/{id} returns, or null if none. */
    public String largeConversationId() {
        return profile.largeConversations() > 0 ? conversationId(profile.conversations()) : null;
    }

    // ---- ids (id -> index), -1 when unknown -------------------------------------------------------------------

    int contactIndex(String id) {
        int idx = Mix.objectIdIndex(id);
        return idx >= 0 && idx < contacts.size() && contactId(idx).equals(id) ? idx : -1;
    }

    int companyIndex(String id) {
        int idx = Mix.objectIdIndex(id);
        return idx >= 0 && idx < companies.size() && companyId(idx).equals(id) ? idx : -1;
    }

    int conversationIndex(String id) {
        int idx = parseIndex(id, 1);
        return conversations.isLive(idx) ? idx : -1;
    }

    private static int parseIndex(String id, int base) {
        if (id == null || id.isEmpty() || id.length() > 10 || id.charAt(0) == '0') {
            return -1;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return -1;
            }
        }
        long n = Long.parseLong(id) - base;
        return n >= 0 && n < Integer.MAX_VALUE ? (int) n : -1;
    }

    // ---- package-private state for renderers and endpoints ------------------------------------------------------

    EntityTable contacts() {
        return contacts;
    }

    EntityTable companies() {
        return companies;
    }

    EntityTable conversations() {
        return conversations;
    }

    EntityTable tickets() {
        return tickets;
    }

    EntityTable articles() {
        return articles;
    }

    EntityTable collections() {
        return collections;
    }

    EntityTable segments() {
        return segments;
    }

    int[] activityLogCreatedAt() {
        return activityLogCreatedAt;
    }

    ConversationParts parts() {
        return parts;
    }

    DataAttributeCatalog dataAttributes() {
        return dataAttributes;
    }

    ReadWriteLock lock() {
        return lock;
    }

    Relationships links() {
        return links;
    }

    // ---- mutation API for tests -----------------------------------------------------------------------------------

    /**
     * Sets updated_at of {@code count} deterministic live records of {@code stream} (all of them if count exceeds
     * the live total) and bumps their version so rendered fields change too. A touched conversation also gains one
     * part written at the new time (until it holds 999 parts).
     *
     * @return the ids touched, in the order chosen
     */
    public List<String> touch(String stream, int count, long newUpdatedAtEpochSeconds) {
        lock.writeLock().lock();
        try {
            EntityTable table = mutableTable(stream);
            int live = table.liveCount();
            int n = Math.min(Math.max(0, count), live);
            if (n == 0) {
                return List.of();
            }
            SplittableRandom rnd = new SplittableRandom(Mix.hash(seed, Mix.TOUCH, stream.hashCode(), touchSequence++));
            int size = table.size();
            int start = rnd.nextInt(size);
            int stride = strideCoprimeTo(size, rnd);
            int[] chosen = new int[n];
            int found = 0;
            for (long step = 0; found < n && step < size; step++) {
                int idx = (int) ((start + step * stride) % size);
                if (table.isLive(idx)) {
                    chosen[found++] = idx;
                }
            }
            return apply(table, chosen, newUpdatedAtEpochSeconds);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Like {@link #touch(String, int, long)} for the given ids; unknown or deleted ids are rejected. */
    public List<String> touchIds(String stream, List<String> ids, long newUpdatedAtEpochSeconds) {
        lock.writeLock().lock();
        try {
            EntityTable table = mutableTable(stream);
            int[] chosen = new int[ids.size()];
            for (int i = 0; i < chosen.length; i++) {
                int idx = indexOf(stream, ids.get(i));
                if (idx < 0 || !table.isLive(idx)) {
                    throw new IllegalArgumentException("no live " + stream + " with id " + ids.get(i));
                }
                chosen[i] = idx;
            }
            return apply(table, chosen, newUpdatedAtEpochSeconds);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private List<String> apply(EntityTable table, int[] chosen, long newUpdatedAt) {
        if (newUpdatedAt < 0 || newUpdatedAt > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("updated_at out of range: " + newUpdatedAt);
        }
        int[] distinct = java.util.Arrays.stream(chosen).distinct().toArray();
        table.touch(distinct, (int) newUpdatedAt);
        List<String> ids = new ArrayList<>(distinct.length);
        for (int idx : distinct) {
            if (table == conversations) {
                parts.add(idx, table.updatedAt(idx));
            }
            ids.add(idOf(table.stream(), idx));
        }
        return ids;
    }

    /** Deletes a conversation at the workspace's "now"; see {@link #deleteConversation(String, long)}. */
    public boolean deleteConversation(String id) {
        return deleteConversation(id, now.getEpochSecond());
    }

    /**
     * Deletes a conversation: it leaves search results, GET /conversations/{id} answers 404, and GET
     * /conversations/deleted lists it with {@code deletedAt} (epoch seconds).
     */
    public boolean deleteConversation(String id, long deletedAt) {
        lock.writeLock().lock();
        try {
            int idx = conversationIndex(id);
            if (idx < 0) {
                return false;
            }
            conversations.delete(idx);
            deletedConversations.add(new DeletedConversation(id, deletedAt, false));
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static int strideCoprimeTo(int size, SplittableRandom rnd) {
        if (size <= 2) {
            return 1;
        }
        while (true) {
            int candidate = 1 + rnd.nextInt(size - 1);
            if (gcd(candidate, size) == 1) {
                return candidate;
            }
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private EntityTable mutableTable(String stream) {
        switch (stream) {
            case CONTACTS:
                return contacts;
            case COMPANIES:
                return companies;
            case CONVERSATIONS:
                return conversations;
            case TICKETS:
                return tickets;
            case ARTICLES:
                return articles;
            case COLLECTIONS:
                return collections;
            case SEGMENTS:
            case COMPANY_SEGMENTS:
                return segments;
            default:
                throw new IllegalArgumentException("stream cannot be touched: " + stream);
        }
    }

    private String idOf(String stream, int idx) {
        switch (stream) {
            case CONTACTS:
                return contactId(idx);
            case COMPANIES:
                return companyId(idx);
            case CONVERSATIONS:
                return conversationId(idx);
            case TICKETS:
                return ticketId(idx);
            case ARTICLES:
                return articleId(idx);
            case COLLECTIONS:
                return collectionId(idx);
            case SEGMENTS:
                return segmentId(idx);
            default:
                throw new IllegalArgumentException(stream);
        }
    }

    private int indexOf(String stream, String id) {
        switch (stream) {
            case CONTACTS:
                return contactIndex(id);
            case COMPANIES:
                return companyIndex(id);
            case CONVERSATIONS:
                return conversationIndex(id);
            case SEGMENTS:
            case COMPANY_SEGMENTS: {
                int idx = Mix.objectIdIndex(id);
                return idx >= 0 && idx < segments.size() && segmentId(idx).equals(id) ? idx : -1;
            }
            case TICKETS:
                return parseIndex(id, 700_001);
            case ARTICLES:
                return parseIndex(id, 6_871_119);
            case COLLECTIONS:
                return parseIndex(id, 9_160_000);
            default:
                return -1;
        }
    }

    // ---- the truth, for comparing against what a tap emitted ------------------------------------------------------

    /**
     * Every live record of {@code stream} keyed by id, valued by its replication timestamp: updated_at for the
     * incremental streams, the parent conversation's updated_at for conversation_parts (keyed by part id),
     * created_at for activity_logs, and 0 for admins, teams and tags, which carry no timestamp.
     */
    public Map<String, Long> expected(String stream) {
        lock.readLock().lock();
        try {
            if (LinkTruth.STREAMS.contains(stream)) {
                return Collections.unmodifiableMap(new LinkTruth(this).expected(stream));
            }
            Map<String, Long> out = new LinkedHashMap<>();
            switch (stream) {
                case CONVERSATION_PARTS:
                    for (int c = 0; c < conversations.size(); c++) {
                        if (conversations.isLive(c)) {
                            long updated = conversations.updatedAt(c);
                            for (int k = 0; k < parts.count(c); k++) {
                                out.put(partId(c, k), updated);
                            }
                        }
                    }
                    break;
                case ADMINS:
                    for (int i = 0; i < profile.admins(); i++) {
                        out.put(adminId(i), 0L);
                    }
                    break;
                case TEAMS:
                    for (int i = 0; i < profile.teams(); i++) {
                        out.put(teamId(i), 0L);
                    }
                    break;
                case TAGS:
                    for (int i = 0; i < profile.tags(); i++) {
                        out.put(tagId(i), 0L);
                    }
                    break;
                case ACTIVITY_LOGS:
                    for (int i = 0; i < activityLogCreatedAt.length; i++) {
                        out.put(activityLogId(i), (long) activityLogCreatedAt[i]);
                    }
                    break;
                case SEGMENTS:
                    for (int i = 0; i < segments.size(); i++) {
                        if (!links.isCompanySegment(i)) {
                            out.put(segmentId(i), (long) segments.updatedAt(i));
                        }
                    }
                    break;
                default:
                    EntityTable table = mutableTable(stream);
                    for (int i = 0; i < table.size(); i++) {
                        if (table.isLive(i)) {
                            out.put(idOf(stream, i), (long) table.updatedAt(i));
                        }
                    }
            }
            return Collections.unmodifiableMap(out);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of live records {@link #expected} would return, without building the map. */
    public long count(String stream) {
        lock.readLock().lock();
        try {
            if (LinkTruth.STREAMS.contains(stream)) {
                return expected(stream).size();
            }
            switch (stream) {
                case CONVERSATION_PARTS: {
                    long total = 0;
                    for (int c = 0; c < conversations.size(); c++) {
                        if (conversations.isLive(c)) {
                            total += parts.count(c);
                        }
                    }
                    return total;
                }
                case ADMINS:
                    return profile.admins();
                case TEAMS:
                    return profile.teams();
                case TAGS:
                    return profile.tags();
                case ACTIVITY_LOGS:
                    return activityLogCreatedAt.length;
                case SEGMENTS:
                    return expected(stream).size();
                default:
                    return mutableTable(stream).liveCount();
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** updated_at of one record, or -1 if unknown/deleted; handy for assertions. */
    public long updatedAt(String stream, String id) {
        lock.readLock().lock();
        try {
            EntityTable table = mutableTable(stream);
            int idx = indexOf(stream, id);
            return idx >= 0 && table.isLive(idx) ? table.updatedAt(idx) : -1;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of parts a conversation has (GET returns at most the 500 most recent), or -1 if unknown/deleted. */
    public int partCount(String conversationId) {
        lock.readLock().lock();
        try {
            int idx = conversationIndex(conversationId);
            return idx < 0 ? -1 : parts.count(idx);
        } finally {
            lock.readLock().unlock();
        }
    }
}
