package io.tapintercom.streams;

import io.tapintercom.intercom.pagination.PageNumberPagination;
import io.tapintercom.intercom.pagination.Pagination;
import io.tapintercom.streams.sources.ConversationPartsChild;
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
 * entry here. Parents come before their children.
 */
public final class Streams {
    /** The largest page Intercom serves on every list; 2.17 allows 250 on some, 2.14 documents 150. */
    private static final int PAGE = 150;
    /** Contact sub-lists have a smaller maximum page than the main lists. */
    private static final int SUB_PAGE = 60;

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
        StreamDefinition contacts = StreamDefinition.incremental("contacts", "updated_at",
                        new SearchSource("contacts_search", "/contacts/search", "data", "updated_at", DatePrecision.DAY, searchPageSize))
                .enrichedBy(contactDetails ? new FullRecordFetcher("contact", "/contacts/").andThen(hydrator) : hydrator);
        StreamDefinition conversations = StreamDefinition.incremental("conversations", "updated_at",
                new SearchSource("conversations_search", "/conversations/search", "conversations", "updated_at",
                        DatePrecision.SECOND, searchPageSize));
        StreamDefinition companies = StreamDefinition.incremental("companies", "updated_at",
                new ScrollSource("companies_scroll", "/companies/scroll", "data"));
        return new Streams(List.of(
                StreamDefinition.fullTable("admins", ListSource.whole("admins", "/admins", "admins")),
                StreamDefinition.fullTable("teams", ListSource.whole("teams", "/teams", "teams")),
                StreamDefinition.fullTable("tags", ListSource.whole("tags", "/tags", "data")),
                StreamDefinition.fullTable("segments",
                        ListSource.whole("segments", "/segments", "segments").withQuery("include_count", "true")),
                contacts,
                StreamDefinition.child("contact_notes", contacts, null,
                        new SubResourceChild("contact_notes", "/contacts/{id}/notes", "data",
                                () -> new PageNumberPagination(SUB_PAGE), "contact_id",
                                // The contact says how many notes it has: skip the request when none.
                                contact -> contact.path("notes").path("total_count").asInt(1) > 0)),
                companies,
                StreamDefinition.child("company_segments", companies, null,
                        new SubResourceChild("company_segments", "/companies/{id}/segments", "data",
                                Pagination::none, "company_id", company -> true))
                        .keys("company_id", "id"),
                conversations,
                StreamDefinition.child("conversation_parts", conversations, "conversation_updated_at",
                        new ConversationPartsChild()),
                StreamDefinition.incremental("tickets", "updated_at",
                        new SearchSource("tickets_search", "/tickets/search", "tickets", "updated_at",
                                DatePrecision.SECOND, searchPageSize)),
                StreamDefinition.incremental("articles", "updated_at",
                        ListSource.paged("articles", "/articles", "data", PAGE)),
                StreamDefinition.incremental("activity_logs", "created_at",
                        ListSource.paged("activity_logs", "/admins/activity_logs", "activity_logs", PAGE)
                                .windowedBy(window -> Map.of(
                                        "created_at_after", Long.toString(window.from().getEpochSecond()),
                                        "created_at_before", Long.toString(window.to().getEpochSecond())))),
                dataAttributes("contact"),
                dataAttributes("company"),
                dataAttributes("conversation"),
                StreamDefinition.fullTable("help_center_collections",
                        ListSource.paged("help_center_collections", "/help_center/collections", "data", PAGE)),
                StreamDefinition.fullTable("subscription_types",
                        ListSource.whole("subscription_types", "/subscription_types", "data")),
                StreamDefinition.fullTable("ticket_types", ListSource.whole("ticket_types", "/ticket_types", "data"))));
    }

    /**
     * GET /data_attributes?model=M, archived ones included. Keyed by full_name: standard attributes
     * have no id, and a name alone is not unique (a standard "name" beside "plan.name", or beside a
     * custom attribute called "name").
     */
    private static StreamDefinition dataAttributes(String model) {
        return StreamDefinition.fullTable(model + "_attributes",
                        ListSource.whole(model + "_attributes", "/data_attributes", "data")
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
