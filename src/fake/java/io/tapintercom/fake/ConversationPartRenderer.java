package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.SplittableRandom;

/** Conversation parts (re-derived from conversation and part index) and the author objects they share. */
final class ConversationPartRenderer {
    /** GET /conversations/{id} returns at most the most recent 500 parts. */
    static final int PART_LIMIT = 500;
    private static final String[] PART_TYPES = {"comment", "comment", "comment", "comment", "comment", "comment",
        "note", "note", "assignment", "assignment", "open", "close", "snoozed", "quick_reply",
        "conversation_attribute_updated_by_admin", "custom_action_finished", "comment", "comment", "comment", "note"};

    private final FakeWorkspace ws;
    private final ContactRenderer contacts;
    private final CatalogRenderer catalog;
    private final long seed;

    ConversationPartRenderer(FakeWorkspace ws, ContactRenderer contacts, CatalogRenderer catalog) {
        this.ws = ws;
        this.contacts = contacts;
        this.catalog = catalog;
        this.seed = ws.seed();
    }

    void writeContactAuthor(JsonGenerator g, int contact) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", contacts.role(contact));
        g.writeStringField("id", ws.contactId(contact));
        g.writeStringField("name", contacts.name(contact));
        g.writeStringField("email", contacts.email(contact));
        g.writeBooleanField("from_ai_agent", false);
        g.writeBooleanField("is_ai_answer", false);
        g.writeEndObject();
    }

    private void writeAdminAuthor(JsonGenerator g, int admin) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "admin");
        g.writeStringField("id", ws.adminId(admin));
        g.writeStringField("name", catalog.adminName(admin));
        g.writeStringField("email", catalog.adminEmail(admin));
        g.writeBooleanField("from_ai_agent", false);
        g.writeBooleanField("is_ai_answer", false);
        g.writeEndObject();
    }

    private void writeBotAuthor(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "bot");
        g.writeStringField("id", "278");
        g.writeStringField("name", "Fin");
        g.writeStringField("email", "operator+" + ws.workspaceId() + "@intercom.io");
        g.writeBooleanField("from_ai_agent", true);
        g.writeBooleanField("is_ai_answer", true);
        g.writeEndObject();
    }

    static void writeAttachment(JsonGenerator g, int salt) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "upload");
        g.writeStringField("name", "screenshot-" + salt + ".png");
        g.writeStringField("url", "https://downloads.intercomcdn.com/i/o/" + (100_000 + salt) + "/screenshot.png");
        g.writeStringField("content_type", "image/png");
        g.writeNumberField("filesize", 10_000 + salt % 90_000);
        g.writeNumberField("width", 1280);
        g.writeNumberField("height", 800);
        g.writeEndObject();
    }

    void writeParts(JsonGenerator g, int c, long created, String state, int contact, String sourceType,
            String topic) throws IOException {
        ConversationParts parts = ws.parts();
        int n = parts.count(c);
        g.writeObjectFieldStart("conversation_parts");
        g.writeStringField("type", "conversation_part.list");
        g.writeArrayFieldStart("conversation_parts");
        for (int k = Math.max(0, n - PART_LIMIT); k < n; k++) {
            writePart(g, c, k, n, (int) created, state, contact, sourceType, topic);
        }
        g.writeEndArray();
        g.writeNumberField("total_count", n);
        g.writeEndObject();
    }

    private void writePart(JsonGenerator g, int c, int k, int n, int convCreated, String state, int contact,
            String sourceType, String topic) throws IOException {
        SplittableRandom p = new SplittableRandom(Mix.hash(seed, Mix.PART, c, k));
        long created = ws.parts().createdAt(c, k, convCreated);
        boolean last = k == n - 1;
        String partType = last && "closed".equals(state) ? "close" : PART_TYPES[p.nextInt(PART_TYPES.length)];
        boolean fromContact = "comment".equals(partType) && p.nextBoolean();
        int admin = p.nextInt(ws.profile().admins());
        g.writeStartObject();
        g.writeStringField("type", "conversation_part");
        g.writeStringField("id", ws.partId(c, k));
        g.writeStringField("part_type", partType);
        boolean hasBody = "comment".equals(partType) || "note".equals(partType);
        g.writeStringField("body", hasBody ? "<p>" + (fromContact ? Vocabulary.pick(p, Vocabulary.QUESTIONS)
                : Vocabulary.pick(p, Vocabulary.REPLIES)) + "</p>" : null);
        g.writeNumberField("created_at", created);
        g.writeNumberField("updated_at", created);
        g.writeNumberField("notified_at", created);
        if ("assignment".equals(partType)) {
            g.writeObjectFieldStart("assigned_to");
            g.writeStringField("type", "admin");
            g.writeStringField("id", ws.adminId(admin));
            g.writeEndObject();
        } else {
            g.writeNullField("assigned_to");
        }
        g.writeFieldName("author");
        if (fromContact) {
            writeContactAuthor(g, contact);
        } else if ("quick_reply".equals(partType)) {
            writeBotAuthor(g);
        } else {
            writeAdminAuthor(g, admin);
        }
        g.writeArrayFieldStart("attachments");
        if ("comment".equals(partType) && p.nextInt(20) == 0) {
            writeAttachment(g, c * 31 + k);
        }
        g.writeEndArray();
        g.writeStringField("external_id", p.nextInt(20) == 0 ? "ext-" + Mix.hex(p.nextLong(), 8) : null);
        g.writeBooleanField("redacted", false);
        writeEmailMetadata(g, "email".equals(sourceType) && "comment".equals(partType), contact, admin, fromContact,
                topic);
        writeQuickReplyMetadata(g, "quick_reply".equals(partType), c, k);
        g.writeStringField("state", last ? state : "open");
        g.writeArrayFieldStart("tags");
        if (p.nextInt(10) == 0) {
            CatalogRenderer.writeBasicTag(g, ws, p.nextInt(ws.profile().tags()));
        }
        g.writeEndArray();
        writeEventDetails(g, partType);
        g.writeStringField("app_package_code", "custom_action_finished".equals(partType) ? "jira-cloud" : null);
        g.writeEndObject();
    }

    private void writeEmailMetadata(JsonGenerator g, boolean present, int contact, int admin, boolean fromContact,
            String topic) throws IOException {
        if (!present) {
            g.writeNullField("email_message_metadata");
            return;
        }
        g.writeObjectFieldStart("email_message_metadata");
        g.writeStringField("subject", "Re: Question about " + topic);
        g.writeArrayFieldStart("email_address_headers");
        writeEmailHeader(g, "from", fromContact ? contacts.email(contact) : catalog.adminEmail(admin),
                fromContact ? contacts.name(contact) : catalog.adminName(admin));
        writeEmailHeader(g, "to", fromContact ? catalog.adminEmail(admin) : contacts.email(contact),
                fromContact ? catalog.adminName(admin) : contacts.name(contact));
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeEmailHeader(JsonGenerator g, String type, String address, String name)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        g.writeStringField("email_address", address);
        g.writeStringField("name", name);
        g.writeEndObject();
    }

    private void writeQuickReplyMetadata(JsonGenerator g, boolean present, int c, int k) throws IOException {
        if (!present) {
            g.writeNullField("metadata");
            return;
        }
        String[][] options = {{"Yes, that helped", "Oui, ça m'a aidé"}, {"Talk to a person", "Parler à quelqu'un"}};
        g.writeObjectFieldStart("metadata");
        g.writeArrayFieldStart("quick_reply_options");
        for (int o = 0; o < options.length; o++) {
            g.writeStartObject();
            g.writeStringField("text", options[o][0]);
            g.writeStringField("uuid", Mix.uuid(seed ^ Mix.PART, ((long) c << 20) | ((long) k << 1) | o));
            g.writeObjectFieldStart("translations");
            g.writeStringField("en", options[o][0]);
            g.writeStringField("fr", options[o][1]);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("quick_reply_uuid", Mix.uuid(seed ^ Mix.PART, ((long) c << 20) | ((long) k << 1)));
        g.writeEndObject();
    }

    private static void writeEventDetails(JsonGenerator g, String partType) throws IOException {
        if ("conversation_attribute_updated_by_admin".equals(partType)) {
            g.writeObjectFieldStart("event_details");
            g.writeObjectFieldStart("attribute");
            g.writeStringField("name", "issue_type");
            g.writeEndObject();
            g.writeObjectFieldStart("value");
            g.writeStringField("name", "bug");
            g.writeEndObject();
            g.writeEndObject();
        } else if ("custom_action_finished".equals(partType)) {
            g.writeObjectFieldStart("event_details");
            g.writeObjectFieldStart("action");
            g.writeStringField("name", "Create Jira issue");
            g.writeStringField("result", "success");
            g.writeEndObject();
            g.writeEndObject();
        } else {
            g.writeNullField("event_details");
        }
    }
}
