package io.tapintercom.intercom.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.ApiRequest;
import java.util.Optional;

/**
 * The company scroll: pass back "scroll_param" until a page comes back empty. The param can repeat
 * from page to page, so only the empty page ends the walk.
 */
public final class ScrollPagination implements Pagination {
    @Override
    public ApiRequest first(ApiRequest base) {
        return base.withoutQuery("scroll_param").asRestartable();
    }

    @Override
    public Optional<ApiRequest> next(ApiRequest current, JsonNode response) {
        JsonNode data = response.path("data");
        String param = response.path("scroll_param").asText("");
        if (!data.isArray() || data.isEmpty() || param.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(current.withQuery("scroll_param", param));
    }
}
