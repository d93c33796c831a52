package io.tapintercom.intercom.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalLong;

/** One page of a list: its records, and the whole response for what else it says (cursors, counts). */
public record Page(List<JsonNode> records, JsonNode response) {
    public Page {
        records = List.copyOf(records);
    }

    /** Intercom's total_count for the whole query, when it gives one. */
    public OptionalLong totalCount() {
        JsonNode total = response.get("total_count");
        return total != null && total.isNumber() ? OptionalLong.of(total.asLong()) : OptionalLong.empty();
    }
}
