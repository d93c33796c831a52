package io.tapintercom.streams;

import io.tapintercom.intercom.pagination.PageNumberPagination;
import io.tapintercom.intercom.pagination.Pagination;
import io.tapintercom.streams.sources.ConversationPartsChild;
import io.tapintercom.streams.sources.EmbeddedChild;
import io.tapintercom.streams.sources.DeletedConversations;
import io.tapintercom.streams.sources.EmbeddedListHydrator;
import io.tapintercom.streams.sources.EmbeddedListHydrator.EmbeddedList;
import io.tapintercom.streams.sources.FullRecordFetcher;
import io.tapintercom.streams.sources.ListSource;
import io.tapintercom.streams.sources.ScrollSource;
import io.tapintercom.streams.sources.SearchSource;
import io.tapintercom.streams.sources.SearchSource.DatePrecision;
import io.tapintercom.streams.sources.SubResourceChild;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every stream of the tap, declared as data. Adding a stream is a schema file in schemas/ and an
 * entry here; each declaration names its stream once. Parents come before their children.
 */
public final class Streams {
    /** The largest page Intercom serves on every list; 2.17 allows 250 on some, 2.14 documents 150. */
    private static final int PAGE = 150;
    /** Contact sub-lists have a smaller maximum page than the main lists. */
    private static final int SUB_PAGE = 60;
    private static final String POSITION = EmbeddedChild.POSITION;

    private final List<StreamDefinition> all;

    private Streams(List<StreamDefinition> all) {
        this.all = List.copyOf(all);
    }

    /**
     * @param searchPageSize page size for the search endpoints (config search_page_size)
     * @param contactDetails read each contact whole, for the fields search leaves out (config fetch_contact_details)
     */
    public static Streams intercom(int searchPageSize, boolean contactDetails) {
        RecordEnricher hydrator = new EmbeddedListHydrator("contact", "/contacts/", List.of(
                new EmbeddedList("tags", "tags", Pagination::none, "/tags/"),
                new EmbeddedList("companies", "companies", () -> new PageNumberPagination(SUB_PAGE), "/companies/"),
                new EmbeddedList("notes", "notes", () -> new PageNumberPagination(SUB_PAGE), "/notes/")));
        RecordEnricher contactEnricher = contactDetails ? new FullRecordFetcher("contact", "/contacts/").andThen(hydrator) : hydrator;
        SearchSource contactSearch = new SearchSource("/contacts/search", "data", "updated_at", DatePrecision.DAY, searchPageSize);
        StreamDefinition contacts = StreamDefinition.incremental("contacts", "updated_at", contactSearch)
                .enrichedBy(contactEnricher);
        // One reader of GET /conversations/deleted for both its stream and the conversations' deletion records.
        DeletedConversations deleted = new DeletedConversations();
        StreamDefinition conversations = StreamDefinition.incremental("conversations", "updated_at",
                new SearchSource("/conversations/search", "conversations", "updated_at", DatePrecision.SECOND, searchPageSize))
                .deletedVia(deleted);
        StreamDefinition conversationParts = StreamDefinition.child("conversation_parts", conversations,
                "conversation_updated_at", new ConversationPartsChild());
        StreamDefinition companies = StreamDefinition.incremental("companies", "updated_at",
                new ScrollSource("/companies/scroll", "data"));
        StreamDefinition tickets = StreamDefinition.incremental("tickets", "updated_at",
                new SearchSource("/tickets/search", "tickets", "updated_at", DatePrecision.SECOND, searchPageSize));
        StreamDefinition teams = StreamDefinition.fullTable("teams", ListSource.whole("/teams", "teams"));
        return new Streams(List.of(
                StreamDefinition.fullTable("admins", ListSource.whole("/admins", "admins")),
                teams,
                link("team_admins", teams, "/admin_ids", "admin_id"),
                StreamDefinition.fullTable("tags", ListSource.whole("/tags", "data")),
                StreamDefinition.fullTable("segments", ListSource.whole("/segments", "segments").withQuery("include_count", "true")),
                contacts,
                // The same search and record as contacts, one role each: Stitch's and Segment's tables.
                StreamDefinition.incremental("users", "updated_at", contactSearch.where("role", "user"))
                        .enrichedBy(contactEnricher).schemaOf(contacts).notSelectedByDefault(),
                StreamDefinition.incremental("leads", "updated_at", contactSearch.where("role", "lead"))
                        .enrichedBy(contactEnricher).schemaOf(contacts).notSelectedByDefault(),
                StreamDefinition.child("contact_notes", contacts, null,
                        new SubResourceChild("/contacts/{id}/notes", "data", () -> new PageNumberPagination(SUB_PAGE),
                                "contact_id",
                                // The contact says how many notes it has: skip the request when none.
                                contact -> contact.path("notes").path("total_count").asInt(1) > 0)),
                link("contact_tags", contacts, "/tags/data", "id"),
                link("contact_companies", contacts, "/companies/data", "id"),
                link("contact_social_profiles", contacts, "/social_profiles/data", POSITION),
                perContact("contact_segments", contacts, new SubResourceChild("/contacts/{id}/segments", "data",
                        Pagination::none, "contact_id", contact -> true), "id"),
                perContact("contact_subscriptions", contacts, new SubResourceChild("/contacts/{id}/subscriptions", "data",
                        Pagination::none, "contact_id", contact -> true)
                        // Intercom lists only explicit choices: an opt-out type listed was opted out of, an opt-in type opted in to.
                        .finishing(row -> row.put("consent_state",
                                "opt_out".equals(row.path("consent_type").asText()) ? "opted_out" : "opted_in")), "id"),
                perContact("contact_event_summaries", contacts, new SubResourceChild("/events", "events",
                        Pagination::none, "contact_id", contact -> "user".equals(contact.path("role").asText()))
                        .withQuery("type", "user").withQuery("intercom_user_id", "{id}").withQuery("summary", "true"), "name"),
                companies,
                link("company_tags", companies, "/tags/tags", "id"),
                // Companies embed their complete segment list (no has_more): no request per company.
                link("company_segments", companies, "/segments/segments", "id"),
                conversations,
                conversationParts,
                partLink("conversation_part_attachments", conversations, conversationParts, "/attachments", POSITION),
                partLink("conversation_part_tags", conversations, conversationParts, "/tags", "id"),
                link("conversation_tags", conversations, "/tags/tags", "id"),
                link("conversation_contacts", conversations, "/contacts/contacts", "id"),
                link("conversation_teammates", conversations, "/teammates/teammates", "id"),
                link("conversation_attachments", conversations, "/source/attachments", POSITION),
                StreamDefinition.incremental("deleted_conversations", "deleted_at", deleted),
                tickets,
                link("ticket_parts", tickets, "/ticket_parts/ticket_parts", "id"),
                StreamDefinition.incremental("articles", "updated_at", ListSource.paged("/articles", "data", PAGE)),
                StreamDefinition.incremental("activity_logs", "created_at",
                        ListSource.paged("/admins/activity_logs", "activity_logs", PAGE)
                                .windowedBy(window -> Map.of(
                                        "created_at_after", Long.toString(window.from().getEpochSecond()),
                                        "created_at_before", Long.toString(window.to().getEpochSecond())))),
                dataAttributes("contact"),
                dataAttributes("company"),
                dataAttributes("conversation"),
                StreamDefinition.fullTable("help_center_collections", ListSource.paged("/help_center/collections", "data", PAGE)),
                StreamDefinition.fullTable("subscription_types", ListSource.whole("/subscription_types", "data")),
                StreamDefinition.fullTable("ticket_types", ListSource.whole("/ticket_types", "data"))));
    }

    /**
     * A link table from the list at {@code pointer} inside each parent record (as the parent stream writes
     * it), at no request: every row carries the parent's id as PARENT_id and, for an incremental parent,
     * its updated_at as PARENT_updated_at (its replication key), and is keyed by PARENT_id and
     * {@code itemKey}: the item's id, its position for items with none, or the field holding a plain value.
     */
    private static StreamDefinition link(String name, StreamDefinition parent, String pointer, String itemKey) {
        String prefix = singular(parent.name());
        EmbeddedChild source = EmbeddedChild.inParent(pointer).carrying(prefix + "_id", "id");
        String replicationKey = null;
        if (parent.replication().isIncremental()) {
            replicationKey = prefix + "_" + parent.replication().replicationKey();
            source = source.carrying(replicationKey, parent.replication().replicationKey());
        }
        return StreamDefinition.child(name, parent, replicationKey, items(source, itemKey)).keys(prefix + "_id", itemKey);
    }

    /** A link table from a list inside each conversation part, sharing the parts' one request per conversation. */
    private static StreamDefinition partLink(String name, StreamDefinition conversations, StreamDefinition parts,
                                             String pointer, String itemKey) {
        EmbeddedChild source = EmbeddedChild.inRowsOf(parts.childSource(), pointer)
                .carrying("conversation_id", "conversation_id")
                .carrying("conversation_part_id", "id")
                .carrying("conversation_updated_at", "conversation_updated_at");
        return StreamDefinition.child(name, conversations, "conversation_updated_at", items(source, itemKey))
                .keys("conversation_part_id", itemKey);
    }

    private static EmbeddedChild items(EmbeddedChild source, String itemKey) {
        return switch (itemKey) {
            case "id" -> source;
            case POSITION -> source.positioned();
            default -> source.valuesAs(itemKey);
        };
    }

    /** One request per changed contact, so selected only on request; rows carry the contact's id and updated_at. */
    private static StreamDefinition perContact(String name, StreamDefinition contacts, SubResourceChild source, String itemKey) {
        return StreamDefinition.child(name, contacts, "contact_updated_at", source.carrying("contact_updated_at", "updated_at"))
                .keys("contact_id", itemKey).notSelectedByDefault();
    }

    /** contacts → contact, companies → company. */
    private static String singular(String plural) {
        return plural.endsWith("ies") ? plural.substring(0, plural.length() - 3) + "y" : plural.substring(0, plural.length() - 1);
    }

    /**
     * GET /data_attributes?model=M, archived ones included. Keyed by full_name: standard attributes
     * have no id, and a name alone is not unique (a standard "name" beside "plan.name", or beside a
     * custom attribute called "name").
     */
    private static StreamDefinition dataAttributes(String model) {
        return StreamDefinition.fullTable(model + "_attributes", ListSource.whole("/data_attributes", "data")
                        .withQuery("model", model).withQuery("include_archived", "true"))
                .keys("full_name");
    }

    public List<StreamDefinition> all() {
        return all;
    }

    public Optional<StreamDefinition> find(String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<StreamDefinition> childrenOf(String parent) {
        return all.stream().filter(s -> parent.equals(s.parent())).toList();
    }
}
