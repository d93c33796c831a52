package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.SplittableRandom;

/** Tickets, with their ticket type, state and (a few) ticket parts embedded as search returns them. */
final class TicketRenderer {
    private final FakeWorkspace ws;
    private final EntityTable tickets;
    private final ContactRenderer contacts;
    private final CatalogRenderer catalog;
    private final long seed;

    TicketRenderer(FakeWorkspace ws, ContactRenderer contacts, CatalogRenderer catalog) {
        this.ws = ws;
        this.tickets = ws.tickets();
        this.contacts = contacts;
        this.catalog = catalog;
        this.seed = ws.seed();
    }

    int ticketType(int t) {
        return Mix.pick(seed, Mix.TICKET, t, 1, CatalogRenderer.TICKET_TYPES.length);
    }

    /** Index into {@link CatalogRenderer#TICKET_STATES}; moves with the version. */
    int ticketState(int t) {
        return Math.min(CatalogRenderer.TICKET_STATES.length - 1,
                Mix.pick(seed, Mix.TICKET, t, 2, 3) + tickets.version(t));
    }

    boolean open(int t) {
        return !"resolved".equals(CatalogRenderer.TICKET_STATES[ticketState(t)][1]);
    }

    String adminAssigneeId(int t) {
        int admins = ws.profile().admins();
        int r = Mix.pick(seed, Mix.TICKET, t, 3, admins * 4);
        return r < admins ? "0" : ws.adminId(r % admins);
    }

    String teamAssigneeId(int t) {
        int teams = ws.profile().teams();
        int r = Mix.pick(seed, Mix.TICKET, t, 4, teams * 3);
        return r < teams ? "0" : ws.teamId(r % teams);
    }

    void write(JsonGenerator g, int t) throws IOException {
        SplittableRandom s = Mix.rng(seed, Mix.TICKET, t);
        long created = tickets.createdAt(t);
        long updated = tickets.updatedAt(t);
        int type = ticketType(t);
        String[] typeRow = CatalogRenderer.TICKET_TYPES[type];
        int state = ticketState(t);
        int contact = Mix.pick(seed, Mix.TICKET, t, 5, ws.profile().contacts());
        String topic = Vocabulary.pick(s, Vocabulary.TOPICS);
        g.writeStartObject();
        g.writeStringField("type", "ticket");
        g.writeStringField("id", ws.ticketId(t));
        g.writeStringField("ticket_id", Integer.toString(t + 1));
        g.writeStringField("category", typeRow[1]);
        g.writeObjectFieldStart("ticket_attributes");
        g.writeStringField("_default_title_", typeRow[2] + ": " + topic);
        g.writeStringField("_default_description_", Vocabulary.pick(s, Vocabulary.QUESTIONS));
        g.writeStringField(typeRow[5], s.nextInt(5) == 0 ? null : typeRow[5] + "-" + (1 + s.nextInt(9)));
        g.writeEndObject();
        g.writeFieldName("ticket_state");
        catalog.writeTicketState(g, state);
        g.writeFieldName("ticket_type");
        catalog.writeTicketType(g, type);
        g.writeObjectFieldStart("contacts");
        g.writeStringField("type", "contact.list");
        g.writeArrayFieldStart("contacts");
        g.writeStartObject();
        g.writeStringField("type", "contact");
        g.writeStringField("id", ws.contactId(contact));
        g.writeStringField("external_id", contacts.externalId(contact));
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField("admin_assignee_id", adminAssigneeId(t));
        g.writeStringField("team_assignee_id", teamAssigneeId(t));
        g.writeNumberField("created_at", created);
        g.writeNumberField("updated_at", updated);
        g.writeBooleanField("open", open(t));
        Json.nullableNumber(g, "snoozed_until", s.nextInt(10) == 0 ? updated + TimelineGenerator.DAY : null);
        g.writeObjectFieldStart("linked_objects");
        g.writeStringField("type", "list");
        boolean linked = ws.profile().totalConversations() > 0 && s.nextInt(3) == 0;
        g.writeNumberField("total_count", linked ? 1 : 0);
        g.writeBooleanField("has_more", false);
        g.writeArrayFieldStart("data");
        if (linked) {
            g.writeStartObject();
            g.writeStringField("type", "conversation");
            g.writeStringField("id", ws.conversationId(Mix.pick(seed, Mix.TICKET, t, 6,
                    ws.profile().totalConversations())));
            g.writeNullField("category");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        writeParts(g, t, state, created, updated);
        g.writeBooleanField("is_shared", s.nextInt(4) == 0);
        g.writeEndObject();
    }

    private void writeParts(JsonGenerator g, int t, int state, long created, long updated) throws IOException {
        int n = state + 1;
        g.writeObjectFieldStart("ticket_parts");
        g.writeStringField("type", "ticket_part.list");
        g.writeArrayFieldStart("ticket_parts");
        for (int k = 0; k < n; k++) {
            long at = n == 1 ? created : created + (updated - created) * k / (n - 1);
            int admin = Mix.pick(seed, Mix.TICKET, t, 100 + k, ws.profile().admins());
            g.writeStartObject();
            g.writeStringField("type", "ticket_part");
            g.writeStringField("id", Long.toString((t + 1L) * 10 + k));
            g.writeStringField("part_type", "ticket_state_updated_by_admin");
            g.writeNullField("body");
            g.writeStringField("previous_ticket_state", CatalogRenderer.TICKET_STATES[Math.max(0, k - 1)][1]);
            g.writeStringField("ticket_state", CatalogRenderer.TICKET_STATES[k][1]);
            g.writeNumberField("created_at", at);
            g.writeNumberField("updated_at", at);
            g.writeNullField("assigned_to");
            g.writeObjectFieldStart("author");
            g.writeStringField("id", ws.adminId(admin));
            g.writeStringField("type", "admin");
            g.writeStringField("name", catalog.adminName(admin));
            g.writeStringField("email", catalog.adminEmail(admin));
            g.writeEndObject();
            g.writeArrayFieldStart("attachments");
            g.writeEndArray();
            g.writeNullField("external_id");
            g.writeBooleanField("redacted", false);
            g.writeNullField("app_package_code");
            g.writeNullField("updated_attribute_data");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("total_count", n);
        g.writeEndObject();
    }
}
