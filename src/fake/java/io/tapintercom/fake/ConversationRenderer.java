package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.SplittableRandom;

/** Conversations. State, assignment and statistics follow the version. */
final class ConversationRenderer {
    private static final String[] SOURCE_TYPES = {"conversation", "conversation", "conversation", "email", "email",
        "push", "whatsapp", "phone_call", "sms", "instagram"};

    private final FakeWorkspace ws;
    private final EntityTable conversations;
    private final ContactRenderer contacts;
    private final CatalogRenderer catalog;
    private final ConversationPartRenderer parts;
    private final long seed;

    ConversationRenderer(FakeWorkspace ws, ContactRenderer contacts, CatalogRenderer catalog) {
        this.ws = ws;
        this.conversations = ws.conversations();
        this.contacts = contacts;
        this.catalog = catalog;
        this.parts = new ConversationPartRenderer(ws, contacts, catalog);
        this.seed = ws.seed();
    }

    String state(int c) {
        int r = Mix.pick(seed, Mix.CONVERSATION, c, 1000 + conversations.version(c), 10);
        return r < 4 ? "open" : r < 9 ? "closed" : "snoozed";
    }

    boolean read(int c) {
        return Mix.pick(seed, Mix.CONVERSATION, c, 2000 + conversations.version(c), 4) != 0;
    }

    String priority(int c) {
        return Mix.pick(seed, Mix.CONVERSATION, c, 3, 7) == 0 ? "priority" : "not_priority";
    }

    String sourceType(int c) {
        return SOURCE_TYPES[Mix.pick(seed, Mix.CONVERSATION, c, 4, SOURCE_TYPES.length)];
    }

    /** null when unassigned. */
    Long adminAssigneeId(int c) {
        int admins = ws.profile().admins();
        int r = Mix.pick(seed, Mix.CONVERSATION, c, 3000 + conversations.version(c), admins * 5);
        return r < admins ? null : Long.valueOf(ws.adminId(r % admins));
    }

    Long teamAssigneeId(int c) {
        int teams = ws.profile().teams();
        int r = Mix.pick(seed, Mix.CONVERSATION, c, 6, teams * 5);
        return r < teams * 2 ? null : Long.valueOf(ws.teamId(r % teams));
    }

    int contactOf(int c) {
        return Mix.pick(seed, Mix.CONVERSATION, c, 7, ws.profile().contacts());
    }

    void write(JsonGenerator g, int c, boolean withParts) throws IOException {
        SplittableRandom s = Mix.rng(seed, Mix.CONVERSATION, c);
        SplittableRandom v = Mix.rng(seed, Mix.CONVERSATION, c, conversations.version(c));
        long created = conversations.createdAt(c);
        long updated = conversations.updatedAt(c);
        String state = state(c);
        int contact = contactOf(c);
        Long admin = adminAssigneeId(c);
        String topic = Vocabulary.pick(s, Vocabulary.TOPICS);
        String sourceType = sourceType(c);
        int partCount = ws.parts().count(c);

        g.writeStartObject();
        g.writeStringField("type", "conversation");
        g.writeStringField("id", ws.conversationId(c));
        g.writeStringField("title", s.nextInt(10) < 3 ? null : "Question about " + topic);
        g.writeNumberField("created_at", created);
        g.writeNumberField("updated_at", updated);
        Json.nullableNumber(g, "waiting_since", "open".equals(state) ? updated - v.nextInt(3600) : null);
        Json.nullableNumber(g, "snoozed_until", "snoozed".equals(state)
                ? updated + (1 + v.nextInt(7)) * (long) TimelineGenerator.DAY : null);
        g.writeBooleanField("open", !"closed".equals(state));
        g.writeStringField("state", state);
        g.writeBooleanField("read", read(c));
        g.writeStringField("priority", priority(c));
        Json.nullableNumber(g, "admin_assignee_id", admin);
        Json.nullableNumber(g, "team_assignee_id", teamAssigneeId(c));
        g.writeObjectFieldStart("tags");
        g.writeStringField("type", "tag.list");
        g.writeArrayFieldStart("tags");
        int tagCount = v.nextInt(3);
        for (int j = 0; j < Math.min(tagCount, ws.profile().tags()); j++) {
            catalog.writeAppliedTag(g, (c + j) % ws.profile().tags(), Math.min(updated, created + 60L * (j + 1)), c + j);
        }
        g.writeEndArray();
        g.writeEndObject();
        writeRating(g, c, v, state, contact, created, updated);
        writeSource(g, c, s, contact, sourceType, topic);
        g.writeObjectFieldStart("contacts");
        g.writeStringField("type", "contact.list");
        g.writeArrayFieldStart("contacts");
        writeContactRef(g, contact);
        if (s.nextInt(20) == 0) {
            writeContactRef(g, (contact + 1) % ws.profile().contacts());
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("teammates");
        g.writeStringField("type", "admin.list");
        g.writeArrayFieldStart("teammates");
        if (admin != null) {
            g.writeStartObject();
            g.writeStringField("type", "admin");
            g.writeStringField("id", Long.toString(admin));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        ws.dataAttributes().writeValues(g, DataAttributeCatalog.CONVERSATION, v, (int) created,
                (int) updated + 7 * TimelineGenerator.DAY);
        g.writeObjectFieldStart("first_contact_reply");
        g.writeNumberField("created_at", created);
        g.writeStringField("type", "conversation".equals(sourceType) ? "conversation" : sourceType);
        g.writeStringField("url", s.nextBoolean() ? "https://app.example.com/" + Vocabulary.slug(topic) : null);
        g.writeEndObject();
        writeSla(g, v);
        writeStatistics(g, c, v, state, admin, created, updated, partCount);
        if (withParts) {
            parts.writeParts(g, c, created, state, contact, sourceType, topic);
        }
        writeLinkedObjects(g, c, s);
        boolean ai = s.nextInt(4) == 0;
        g.writeBooleanField("ai_agent_participated", ai);
        writeAiAgent(g, ai, v, created, updated);
        g.writeEndObject();
    }

    private void writeContactRef(JsonGenerator g, int contact) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "contact");
        g.writeStringField("id", ws.contactId(contact));
        g.writeStringField("external_id", contacts.externalId(contact));
        g.writeEndObject();
    }

    private void writeRating(JsonGenerator g, int c, SplittableRandom v, String state, int contact, long created,
            long updated) throws IOException {
        boolean rated = "closed".equals(state) && v.nextInt(10) < 4;
        int rating = 1 + v.nextInt(5);
        if (!rated) {
            g.writeNullField("conversation_rating");
            return;
        }
        g.writeObjectFieldStart("conversation_rating");
        g.writeNumberField("rating", rating);
        g.writeStringField("remark", rating >= 4 ? "Great help, thanks!" : rating == 3 ? "" : "Took too long.");
        long at = Math.max(created, updated - 60);
        g.writeNumberField("created_at", at);
        g.writeNumberField("updated_at", at);
        g.writeFieldName("contact");
        writeContactRef(g, contact);
        g.writeObjectFieldStart("teammate");
        g.writeStringField("type", "admin");
        g.writeStringField("id", ws.adminId(c % ws.profile().admins()));
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeSource(JsonGenerator g, int c, SplittableRandom s, int contact, String sourceType, String topic)
            throws IOException {
        g.writeObjectFieldStart("source");
        g.writeStringField("type", sourceType);
        g.writeStringField("id", Long.toString(403_918_346L + c));
        g.writeStringField("delivered_as", s.nextInt(10) < 8 ? "customer_initiated" : "admin_initiated");
        g.writeStringField("subject", "email".equals(sourceType) ? "Question about " + topic : "");
        g.writeStringField("body", "<p>" + Vocabulary.pick(s, Vocabulary.QUESTIONS) + "</p>");
        g.writeFieldName("author");
        parts.writeContactAuthor(g, contact);
        g.writeArrayFieldStart("attachments");
        // One conversation in ten at random, and every tenth, so even the demo's dozen shows one.
        if (s.nextInt(10) == 0 || c % 10 == 1) {
            ConversationPartRenderer.writeAttachment(g, c);
        }
        g.writeEndArray();
        g.writeStringField("url", s.nextInt(3) == 0 ? "https://app.example.com/" + Vocabulary.slug(topic) : null);
        g.writeBooleanField("redacted", false);
        g.writeEndObject();
    }

    private static void writeSla(JsonGenerator g, SplittableRandom v) throws IOException {
        int r = v.nextInt(10);
        if (r >= 3) {
            g.writeNullField("sla_applied");
            return;
        }
        g.writeObjectFieldStart("sla_applied");
        g.writeStringField("type", "conversation_sla_summary");
        g.writeStringField("sla_name", "First response within 1h");
        g.writeStringField("sla_status", r == 0 ? "hit" : r == 1 ? "missed" : "active");
        g.writeEndObject();
    }

    private void writeStatistics(JsonGenerator g, int c, SplittableRandom v, String state, Long admin, long created,
            long updated, int partCount) throws IOException {
        long span = Math.max(1, updated - created);
        long toAssign = Math.min(span, 30 + v.nextInt(3600));
        long toReply = Math.min(span, toAssign + v.nextInt(7200));
        boolean closed = "closed".equals(state);
        g.writeObjectFieldStart("statistics");
        g.writeStringField("type", "conversation_statistics");
        g.writeNumberField("time_to_assignment", toAssign);
        g.writeNumberField("time_to_admin_reply", toReply);
        Json.nullableNumber(g, "time_to_first_close", closed ? span : null);
        Json.nullableNumber(g, "time_to_last_close", closed ? span : null);
        g.writeNumberField("median_time_to_reply", Math.max(1, toReply / 2));
        g.writeNumberField("first_contact_reply_at", created);
        g.writeNumberField("first_assignment_at", created + toAssign);
        g.writeNumberField("first_admin_reply_at", created + toReply);
        Json.nullableNumber(g, "first_close_at", closed ? updated : null);
        g.writeNumberField("last_assignment_at", created + toAssign);
        g.writeNumberField("last_assignment_admin_reply_at", created + toReply);
        g.writeNumberField("last_contact_reply_at", Math.max(created, updated - v.nextInt(600)));
        g.writeNumberField("last_admin_reply_at", Math.max(created + toReply, updated - v.nextInt(600)));
        Json.nullableNumber(g, "last_close_at", closed ? updated : null);
        g.writeStringField("last_closed_by_id", closed && admin != null ? Long.toString(admin) : null);
        g.writeNumberField("count_reopens", v.nextInt(3));
        g.writeNumberField("count_assignments", 1 + v.nextInt(3));
        g.writeNumberField("count_conversation_parts", partCount);
        Long team = teamAssigneeId(c);
        writeTeamResponseTimes(g, "assigned_team_first_response_time", team, toReply);
        writeTeamResponseTimes(g, "assigned_team_first_response_time_in_office_hours", team, toReply / 2);
        g.writeNumberField("handling_time", toReply + v.nextInt(1800));
        Json.nullableNumber(g, "adjusted_handling_time", v.nextBoolean() ? (long) v.nextInt(1800) : null);
        g.writeEndObject();
    }

    private void writeTeamResponseTimes(JsonGenerator g, String field, Long team, long responseTime)
            throws IOException {
        g.writeArrayFieldStart(field);
        if (team != null) {
            int t = (int) (team - Long.parseLong(ws.teamId(0)));
            g.writeStartObject();
            g.writeNumberField("team_id", team);
            g.writeStringField("team_name", Vocabulary.TEAM_NAMES[t % Vocabulary.TEAM_NAMES.length]);
            g.writeNumberField("response_time", responseTime);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeLinkedObjects(JsonGenerator g, int c, SplittableRandom s) throws IOException {
        boolean linked = ws.profile().tickets() > 0 && s.nextInt(10) == 0;
        g.writeObjectFieldStart("linked_objects");
        g.writeStringField("type", "list");
        g.writeNumberField("total_count", linked ? 1 : 0);
        g.writeBooleanField("has_more", false);
        g.writeArrayFieldStart("data");
        if (linked) {
            int ticket = Mix.pick(seed, Mix.CONVERSATION, c, 8, ws.profile().tickets());
            g.writeStartObject();
            g.writeStringField("type", "ticket");
            g.writeStringField("id", ws.ticketId(ticket));
            g.writeStringField("category", "Customer");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeAiAgent(JsonGenerator g, boolean participated, SplittableRandom v, long created,
            long updated) throws IOException {
        if (!participated) {
            g.writeNullField("ai_agent");
            return;
        }
        String[] resolutions = {"assumed_resolution", "confirmed_resolution", "routed_to_team", "abandoned"};
        g.writeObjectFieldStart("ai_agent");
        g.writeStringField("source_type", "workflow");
        g.writeStringField("source_title", "Fin support workflow");
        g.writeStringField("last_answer_type", v.nextBoolean() ? "ai_answer" : "custom_answer");
        g.writeStringField("resolution_state", resolutions[v.nextInt(resolutions.length)]);
        boolean rated = v.nextBoolean();
        Json.nullableNumber(g, "rating", rated ? 1L + v.nextInt(5) : null);
        g.writeStringField("rating_remark", rated ? "Very helpful!" : null);
        g.writeNumberField("created_at", created);
        g.writeNumberField("updated_at", Math.min(updated, created + 120));
        g.writeObjectFieldStart("content_sources");
        g.writeStringField("type", "content_source.list");
        g.writeNumberField("total_count", 1);
        g.writeArrayFieldStart("content_sources");
        g.writeStartObject();
        g.writeStringField("content_type", "article");
        g.writeStringField("url", "/help/en/articles/6871119");
        g.writeStringField("title", "Getting started");
        g.writeStringField("locale", "en");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

}
