package io.tapintercom.intercom.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.ApiRequest;
import java.util.Optional;

/**
 * One of Intercom's ways of handing out a list in pages: given the request that fetched a page and
 * the response, the request for the next page, or empty at the end. Implementations may keep state
 * for one walk through a list (a cursor-loop guard), so make a new one per walk.
 */
public interface Pagination {
    /** The request for the first page, from the base request. */
    default ApiRequest first(ApiRequest base) {
        return base;
    }

    Optional<ApiRequest> next(ApiRequest current, JsonNode response);

    /** A list that comes whole; a "pages.next" link is still followed, should Intercom ever add one. */
    static Pagination none() {
        return (current, response) -> {
            JsonNode next = response.path("pages").path("next");
            return next.isTextual() && !next.asText().isEmpty() ? Optional.of(current.withPath(next.asText())) : Optional.empty();
        };
    }
}
