package io.tapintercom.fake;

import java.util.LinkedHashMap;
import java.util.Map;

/** The searchable fields the fake supports per stream: a subset of Intercom's, enough for an extractor. */
final class SearchFields {
    private SearchFields() {
    }

    private static void add(Map<String, SearchField> map, SearchField field) {
        map.put(field.name(), field);
    }

    private static long nullable(Long value) {
        return value == null ? SearchField.NULL : value;
    }

    static Map<String, SearchField> contacts(FakeWorkspace ws, ContactRenderer r) {
        EntityTable t = ws.contacts();
        Map<String, SearchField> m = new LinkedHashMap<>();
        add(m, SearchField.string("id", ws::contactId));
        add(m, SearchField.string("role", r::role));
        add(m, SearchField.string("name", r::name));
        add(m, SearchField.string("email", r::email));
        add(m, SearchField.string("email_domain", r::emailDomain));
        add(m, SearchField.string("external_id", r::externalId));
        add(m, SearchField.integer("owner_id", i -> nullable(r.ownerId(i))));
        add(m, SearchField.date("created_at", t::createdAt));
        add(m, SearchField.date("updated_at", t::updatedAt));
        return m;
    }

    static Map<String, SearchField> conversations(FakeWorkspace ws, ConversationRenderer r) {
        EntityTable t = ws.conversations();
        Map<String, SearchField> m = new LinkedHashMap<>();
        add(m, SearchField.string("id", ws::conversationId));
        add(m, SearchField.date("created_at", t::createdAt));
        add(m, SearchField.date("updated_at", t::updatedAt));
        add(m, SearchField.string("state", r::state));
        add(m, SearchField.bool("open", i -> !"closed".equals(r.state(i))));
        add(m, SearchField.bool("read", r::read));
        add(m, SearchField.string("priority", r::priority));
        add(m, SearchField.string("source.type", r::sourceType));
        add(m, SearchField.integer("admin_assignee_id", i -> nullable(r.adminAssigneeId(i))));
        add(m, SearchField.integer("team_assignee_id", i -> nullable(r.teamAssigneeId(i))));
        add(m, SearchField.string("contact_ids", i -> ws.contactId(r.contactOf(i))));
        return m;
    }

    static Map<String, SearchField> tickets(FakeWorkspace ws, TicketRenderer r) {
        EntityTable t = ws.tickets();
        Map<String, SearchField> m = new LinkedHashMap<>();
        add(m, SearchField.string("id", ws::ticketId));
        add(m, SearchField.date("created_at", t::createdAt));
        add(m, SearchField.date("updated_at", t::updatedAt));
        add(m, SearchField.bool("open", r::open));
        add(m, SearchField.string("state", i -> CatalogRenderer.TICKET_STATES[r.ticketState(i)][1]));
        add(m, SearchField.string("ticket_type_id", i -> CatalogRenderer.TICKET_TYPES[r.ticketType(i)][0]));
        add(m, SearchField.string("admin_assignee_id", r::adminAssigneeId));
        add(m, SearchField.string("team_assignee_id", r::teamAssigneeId));
        return m;
    }
}
