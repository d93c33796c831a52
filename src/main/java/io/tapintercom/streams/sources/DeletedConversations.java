package io.tapintercom.streams.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.ApiRequest;
import io.tapintercom.intercom.IntercomApiException;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.intercom.pagination.PageNumberPagination;
import io.tapintercom.intercom.pagination.Pages;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.singer.Json;
import io.tapintercom.streams.DeletionFeed;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.streams.RecordSource;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * GET /conversations/deleted: the ids of deleted conversations with their deletion time, newest first
 * ({@code order=desc}, page-numbered, at most 60 a page). Intercom serves it from API 2.16 (and on
 * Preview), so it is always asked with Intercom-Version 2.16, the version its shape is taken from,
 * whatever the configured one. There is no time filter: the read stops at the first page reaching
 * back before the window. One object serves both the deleted_conversations stream and the
 * conversations stream's deletion records; a workspace whose API refuses the endpoint is warned
 * about once, and neither asks again in the run.
 */
public final class DeletedConversations implements RecordSource, DeletionFeed {
    public static final String API_VERSION = "2.16";
    private static final int PER_PAGE = 60;

    private final String endpoint;
    private final AtomicBoolean refused;

    public DeletedConversations() {
        this("deleted_conversations", new AtomicBoolean());
    }

    private DeletedConversations(String endpoint, AtomicBoolean refused) {
        this.endpoint = endpoint;
        this.refused = refused;
    }

    @Override
    public DeletedConversations named(String stream) {
        return new DeletedConversations(stream, refused);
    }

    @Override
    public Iterator<Page> open(IntercomClient client, ReadWindow window) {
        return new NewestFirst(client, window.from());
    }

    @Override
    public boolean read(IntercomClient client, Instant after, Instant until, Consumer<Deletion> sink) {
        for (Iterator<Page> pages = new NewestFirst(client, after); pages.hasNext(); ) {
            for (JsonNode item : pages.next().records()) {
                Optional<Instant> deletedAt = deletedAt(item);
                String id = item.path("id").asText("");
                if (deletedAt.isPresent() && deletedAt.get().isAfter(after) && !deletedAt.get().isAfter(until) && !id.isEmpty()) {
                    sink.accept(new Deletion(Json.object().put("id", id), deletedAt.get()));
                }
            }
        }
        return !refused.get();
    }

    private static Optional<Instant> deletedAt(JsonNode item) {
        JsonNode value = item.get("deleted_at");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return value.isNumber() ? Optional.of(DateTimes.fromEpoch(value.decimalValue())) : DateTimes.parse(value.asText());
    }

    /** The API version or path is not there for this workspace: 400 intercom_version_invalid, or 404. */
    private static boolean unavailable(IntercomApiException e) {
        return e.isNotFound() || (e.status() == 400 && e.code() != null && e.code().contains("version"));
    }

    /** Pages newest first, until one reaches back before {@code from}. */
    private final class NewestFirst implements Iterator<Page> {
        private final Pages pages;
        private final Instant from;
        private boolean done;

        private final IntercomClient client;

        NewestFirst(IntercomClient client, Instant from) {
            this.client = client;
            ApiRequest request = ApiRequest.get(endpoint, "/conversations/deleted").withQuery("order", "desc")
                    .withApiVersion(API_VERSION);
            this.pages = new Pages(client, request, new PageNumberPagination(PER_PAGE), "conversations");
            this.from = from;
        }

        @Override
        public boolean hasNext() {
            return !done && !refused.get() && pages.hasNext();
        }

        @Override
        public Page next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                Page page = pages.next();
                done = page.records().stream().map(DeletedConversations::deletedAt).flatMap(Optional::stream)
                        .anyMatch(at -> at.isBefore(from));
                return page;
            } catch (IntercomApiException e) {
                if (!unavailable(e)) {
                    throw e;
                }
                if (refused.compareAndSet(false, true)) {
                    client.log().warn("GET /conversations/deleted is not available to this workspace (%s); deleted conversations"
                            + " are not reported in this run", e.getMessage());
                }
                done = true;
                return new Page(List.of(), Json.object());
            }
        }
    }
}
