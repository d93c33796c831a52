package io.tapintercom.intercom.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.intercom.ApiRequest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The search endpoints' cursor: "pages.next.starting_after" goes back in the request body (a cursor
 * in the query string is ignored by Intercom, which would serve page one forever). On fast-changing
 * data Intercom can hand out a cursor it gave before; that is reported, not followed.
 */
public final class SearchPagination implements Pagination {
    private final int perPage;
    private final Set<String> seen = new HashSet<>();

    public SearchPagination(int perPage) {
        this.perPage = perPage;
    }

    @Override
    public ApiRequest first(ApiRequest base) {
        ObjectNode body = base.body().deepCopy();
        body.putObject("pagination").put("per_page", perPage);
        return base.withBody(body);
    }

    @Override
    public Optional<ApiRequest> next(ApiRequest current, JsonNode response) {
        JsonNode cursor = response.path("pages").path("next").path("starting_after");
        if (!cursor.isTextual() || cursor.asText().isEmpty()) {
            return Optional.empty();
        }
        if (!seen.add(cursor.asText())) {
            throw new CursorLoopException(current.describe() + " returned a cursor it had already returned");
        }
        ObjectNode body = current.body().deepCopy();
        ((ObjectNode) body.get("pagination")).put("starting_after", cursor.asText());
        return Optional.of(current.withBody(body));
    }
}
