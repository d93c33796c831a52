package io.tapintercom.intercom.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.ApiRequest;
import java.util.Optional;

/**
 * ?page=N&per_page=M lists (articles, collections, notes, activity logs): follow "pages.next" when it
 * is a URL, else count pages up to "total_pages". Intercom may echo page numbers as strings.
 */
public final class PageNumberPagination implements Pagination {
    private final int perPage;

    public PageNumberPagination(int perPage) {
        this.perPage = perPage;
    }

    @Override
    public ApiRequest first(ApiRequest base) {
        return base.withQuery("per_page", Integer.toString(perPage)).withQuery("page", "1");
    }

    @Override
    public Optional<ApiRequest> next(ApiRequest current, JsonNode response) {
        JsonNode pages = response.path("pages");
        JsonNode next = pages.path("next");
        if (next.isTextual() && !next.asText().isEmpty()) {
            return Optional.of(current.withPath(next.asText()));
        }
        // The page we asked for, when the response does not say: never ask for the same page again.
        int asked = Integer.parseInt(current.query().getOrDefault("page", "1"));
        int page = pages.path("page").asInt(asked);
        int totalPages = pages.path("total_pages").asInt(0);
        if (next.isObject() && next.has("page")) {
            return Optional.of(current.withQuery("page", next.get("page").asText()));
        }
        return page < totalPages ? Optional.of(current.withQuery("page", Integer.toString(page + 1))) : Optional.empty();
    }
}
