package io.tapintercom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The truth for the link tables and per-contact lists an extractor derives from the workspace: every row keyed by
 * its composite key ("parentId/itemId" or "parentId/position", the key's fields joined with '/'), valued by the
 * parent's updated_at (0 for teams). From the relationships where the fake keeps them; otherwise from the objects as
 * the fake renders them, since some lists (a conversation's tags, a part's attachments) are drawn while rendering.
 */
final class LinkTruth {
    static final Set<String> STREAMS = Set.of("users", "leads", "team_admins", "contact_notes", "contact_tags",
            "contact_companies", "contact_social_profiles", "contact_segments", "contact_subscriptions",
            "contact_event_summaries", "company_tags", "company_segments", "conversation_tags", "conversation_contacts",
            "conversation_teammates", "conversation_attachments", "conversation_part_attachments",
            "conversation_part_tags", "ticket_parts");

    private final FakeWorkspace ws;
    private final Relationships links;
    private final Renderers renderers;

    LinkTruth(FakeWorkspace ws) {
        this.ws = ws;
        this.links = ws.links();
        this.renderers = new Renderers(ws);
    }

    Map<String, Long> expected(String stream) {
        Map<String, Long> out = new LinkedHashMap<>();
        switch (stream) {
            case "users", "leads" -> eachContact((i, updated) -> {
                if (renderers.contacts.role(i).equals(stream.substring(0, stream.length() - 1))) {
                    out.put(ws.contactId(i), updated);
                }
            });
            case "team_admins" -> {
                for (int t = 0; t < ws.profile().teams(); t++) {
                    int team = t;
                    render(g -> renderers.catalog.writeTeam(g, team)).path("admin_ids")
                            .forEach(admin -> out.put(ws.teamId(team) + "/" + admin.asText(), 0L));
                }
            }
            case "contact_notes" -> eachContact((i, updated) -> {
                for (int j = 0; j < links.contactNoteCount(i); j++) {
                    out.put(ws.noteId(i, j), updated);
                }
            });
            case "contact_tags" -> eachContact((i, updated) -> {
                for (int j = 0; j < links.contactTagCount(i); j++) {
                    out.put(ws.contactId(i) + "/" + ws.tagId(links.contactTag(i, j)), updated);
                }
            });
            case "contact_companies" -> eachContact((i, updated) -> {
                for (int j = 0; j < links.contactCompanyCount(i); j++) {
                    out.put(ws.contactId(i) + "/" + ws.companyId(links.contactCompany(i, j)), updated);
                }
            });
            case "contact_social_profiles" -> eachContact((i, updated) -> positions(out, ws.contactId(i), updated,
                    render(g -> renderers.contacts.write(g, i, false)).at("/social_profiles/data")));
            case "contact_segments" -> eachContact((i, updated) -> {
                for (int j = 0; j < links.contactSegmentCount(i); j++) {
                    out.put(ws.contactId(i) + "/" + ws.segmentId(links.contactSegment(i, j)), updated);
                }
            });
            case "contact_subscriptions" -> eachContact((i, updated) -> {
                JsonNode types = render(g -> {
                    g.writeStartArray();
                    for (int k = 0; k < CatalogRenderer.subscriptionTypeCount(); k++) {
                        if ((links.contactSubscriptionChoices(i) & (1 << k)) != 0) {
                            renderers.catalog.writeSubscriptionType(g, k);
                        }
                    }
                    g.writeEndArray();
                });
                types.forEach(type -> out.put(ws.contactId(i) + "/" + type.path("id").asText(), updated));
            });
            case "contact_event_summaries" -> eachContact((i, updated) -> render(g -> renderers.contacts.writeEventSummary(g, i))
                    .path("events").forEach(event -> out.put(ws.contactId(i) + "/" + event.path("name").asText(), updated)));
            case "company_tags" -> eachCompany((i, updated) -> {
                for (int j = 0; j < links.companyTagCount(i); j++) {
                    out.put(ws.companyId(i) + "/" + ws.tagId(links.companyTag(i, j)), updated);
                }
            });
            case "company_segments" -> eachCompany((i, updated) -> {
                for (int j = 0; j < links.companySegmentCount(i); j++) {
                    out.put(ws.companyId(i) + "/" + ws.segmentId(links.companySegment(i, j)), updated);
                }
            });
            case "conversation_tags" -> eachConversation(false, (id, c, updated) -> ids(out, id, updated, c.at("/tags/tags")));
            case "conversation_contacts" -> eachConversation(false, (id, c, updated) ->
                    ids(out, id, updated, c.at("/contacts/contacts")));
            case "conversation_teammates" -> eachConversation(false, (id, c, updated) ->
                    ids(out, id, updated, c.at("/teammates/teammates")));
            case "conversation_attachments" -> eachConversation(false, (id, c, updated) ->
                    positions(out, id, updated, c.at("/source/attachments")));
            case "conversation_part_attachments" -> eachConversation(true, (id, c, updated) -> c
                    .at("/conversation_parts/conversation_parts")
                    .forEach(part -> positions(out, part.path("id").asText(), updated, part.path("attachments"))));
            case "conversation_part_tags" -> eachConversation(true, (id, c, updated) -> c
                    .at("/conversation_parts/conversation_parts")
                    .forEach(part -> ids(out, part.path("id").asText(), updated, part.path("tags"))));
            case "ticket_parts" -> {
                EntityTable tickets = ws.tickets();
                for (int t = 0; t < tickets.size(); t++) {
                    if (tickets.isLive(t)) {
                        int ticket = t;
                        ids(out, ws.ticketId(t), tickets.updatedAt(t),
                                render(g -> renderers.tickets.write(g, ticket)).at("/ticket_parts/ticket_parts"));
                    }
                }
            }
            default -> throw new IllegalArgumentException("no link truth for " + stream);
        }
        return out;
    }

    private interface Row {
        void add(int index, long updated) throws IOException;
    }

    private interface Rendered {
        void add(String id, JsonNode object, long updated);
    }

    private void eachContact(Row row) {
        each(ws.contacts(), row);
    }

    private void eachCompany(Row row) {
        each(ws.companies(), row);
    }

    private static void each(EntityTable table, Row row) {
        try {
            for (int i = 0; i < table.size(); i++) {
                if (table.isLive(i)) {
                    row.add(i, table.updatedAt(i));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every live conversation as GET /conversations/{id} renders it (withParts) or as search lists it. */
    private void eachConversation(boolean withParts, Rendered rendered) {
        each(ws.conversations(), (c, updated) -> rendered.add(ws.conversationId(c),
                render(g -> renderers.conversations.write(g, c, withParts)), updated));
    }

    private static void ids(Map<String, Long> out, String parentId, long updated, JsonNode items) {
        items.forEach(item -> out.put(parentId + "/" + item.path("id").asText(), updated));
    }

    private static void positions(Map<String, Long> out, String parentId, long updated, JsonNode items) {
        for (int k = 0; k < items.size(); k++) {
            out.put(parentId + "/" + k, updated);
        }
    }

    private static JsonNode render(Json.Body body) {
        try {
            return Json.MAPPER.readTree(Json.render(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
