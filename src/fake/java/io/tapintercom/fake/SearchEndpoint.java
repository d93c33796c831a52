package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POST /contacts/search, /conversations/search, /tickets/search. Results come from the table's sorted index, so a
 * page costs a few binary searches plus the rendering of at most per_page objects, even at 2M contacts.
 */
final class SearchEndpoint implements Endpoint {
    static final int MAX_PER_PAGE = 150;

    @FunctionalInterface
    interface ItemWriter {
        void write(JsonGenerator g, int index) throws IOException;
    }

    /** What differs between the three search endpoints. */
    record Spec(String stream, EntityTable table, Map<String, SearchField> fields, int defaultPerPage,
            DateSemantics numberedVersionDates, DateSemantics previewDates, String envelopeType, String itemsKey,
            ItemWriter writer) {
    }

    private final Spec spec;
    private final Map<String, Integer> countCache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > 64;
        }
    };

    SearchEndpoint(Spec spec) {
        this.spec = spec;
    }

    private record Page(List<Integer> items, int total, String nextCursor, int page, int perPage) {
    }

    @Override
    public Response handle(Request request) throws ApiException {
        JsonNode body = parseBody(request.body());
        JsonNode sort = body.get("sort");
        String sortName = sort != null && sort.hasNonNull("field") ? sort.get("field").asText() : "updated_at";
        SortField sortField = SortField.byName(sortName);
        if (sortField == null) {
            throw new ApiException(400, "client_error",
                    "Sorting by " + sortName + " is not supported (the fake sorts by updated_at or created_at)");
        }
        String order = sort != null && sort.hasNonNull("order") ? sort.get("order").asText() : "descending";
        if (!order.equals("ascending") && !order.equals("descending")) {
            throw new ApiException(400, "invalid_sort_order",
                    "Invalid sort order '" + order + "'. Must be one of: ascending, descending");
        }
        JsonNode pagination = body.get("pagination");
        int perPage = perPage(pagination);
        JsonNode after = pagination == null ? null : pagination.get("starting_after");
        SearchCursor cursor = after == null || after.isNull() ? null : SearchCursor.decode(after.asText());
        DateSemantics dates = request.preview() ? spec.previewDates() : spec.numberedVersionDates();
        SearchQuery query = SearchQuery.parse(body.get("query"), spec.fields(), dates, sortField.fieldName());
        String cacheKey = spec.table().modifications() + "|" + sortName + "|" + dates + "|" + body.get("query");
        Page page = select(query, sortField, order.equals("ascending"), cursor, perPage, cacheKey);
        return Response.ok(g -> write(g, page));
    }

    private static JsonNode parseBody(byte[] body) throws ApiException {
        if (body.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ApiException(400, "bad_request", "The request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ApiException(400, "bad_request", "The request body is not valid JSON");
        }
    }

    private int perPage(JsonNode pagination) throws ApiException {
        JsonNode n = pagination == null ? null : pagination.get("per_page");
        if (n == null || n.isNull()) {
            return spec.defaultPerPage();
        }
        int v = n.isIntegralNumber() ? n.intValue() : n.isTextual() ? parseOrZero(n.textValue()) : 0;
        if (v < 1 || v > MAX_PER_PAGE) {
            throw new ApiException(400, "parameter_invalid", "per_page must be an integer between 1 and "
                    + MAX_PER_PAGE);
        }
        return v;
    }

    private static int parseOrZero(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Page select(SearchQuery query, SortField sortField, boolean ascending, SearchCursor cursor, int perPage,
            String cacheKey) {
        SortedKeyIndex index = spec.table().index(sortField);
        Intervals range = query.sortRange();
        int ranges = range.size();
        int[] starts = new int[ranges];
        int[] ends = new int[ranges];
        for (int r = 0; r < ranges; r++) {
            starts[r] = index.positionOfValue(range.lo(r));
            ends[r] = index.positionOfValue(range.hi(r));
        }
        int total = count(query, index, starts, ends, cacheKey);
        List<Integer> items = new ArrayList<>(perPage);
        long lastKey = 0;
        boolean more = false;
        if (ascending) {
            int from = cursor == null ? 0 : index.lowerBound(cursor.key() + 1);
            outer:
            for (int r = 0; r < ranges; r++) {
                for (int pos = Math.max(starts[r], from); pos < ends[r]; pos++) {
                    long key = index.keyAt(pos);
                    if (query.exact() || query.test(SortedKeyIndex.indexOf(key))) {
                        if (items.size() == perPage) {
                            more = true;
                            break outer;
                        }
                        items.add(SortedKeyIndex.indexOf(key));
                        lastKey = key;
                    }
                }
            }
        } else {
            int to = cursor == null ? index.size() : index.lowerBound(cursor.key());
            outer:
            for (int r = ranges - 1; r >= 0; r--) {
                for (int pos = Math.min(ends[r], to) - 1; pos >= starts[r]; pos--) {
                    long key = index.keyAt(pos);
                    if (query.exact() || query.test(SortedKeyIndex.indexOf(key))) {
                        if (items.size() == perPage) {
                            more = true;
                            break outer;
                        }
                        items.add(SortedKeyIndex.indexOf(key));
                        lastKey = key;
                    }
                }
            }
        }
        int pageNumber = cursor == null ? 1 : cursor.page();
        String next = more ? SearchCursor.encode(lastKey, pageNumber + 1) : null;
        return new Page(items, total, next, pageNumber, perPage);
    }

    private int count(SearchQuery query, SortedKeyIndex index, int[] starts, int[] ends, String cacheKey) {
        int total = 0;
        if (query.exact()) {
            for (int r = 0; r < starts.length; r++) {
                total += ends[r] - starts[r];
            }
            return total;
        }
        synchronized (countCache) {
            Integer cached = countCache.get(cacheKey);
            if (cached != null) {
                return cached;
            }
        }
        for (int r = 0; r < starts.length; r++) {
            for (int pos = starts[r]; pos < ends[r]; pos++) {
                if (query.test(SortedKeyIndex.indexOf(index.keyAt(pos)))) {
                    total++;
                }
            }
        }
        synchronized (countCache) {
            countCache.put(cacheKey, total);
        }
        return total;
    }

    private void write(JsonGenerator g, Page page) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", spec.envelopeType());
        if (!"data".equals(spec.itemsKey())) {
            writePages(g, page);
            g.writeNumberField("total_count", page.total());
        }
        g.writeArrayFieldStart(spec.itemsKey());
        for (int idx : page.items()) {
            spec.writer().write(g, idx);
        }
        g.writeEndArray();
        if ("data".equals(spec.itemsKey())) {
            g.writeNumberField("total_count", page.total());
            writePages(g, page);
        }
        g.writeEndObject();
    }

    private static void writePages(JsonGenerator g, Page page) throws IOException {
        g.writeObjectFieldStart("pages");
        g.writeStringField("type", "pages");
        if (page.nextCursor() != null) {
            g.writeObjectFieldStart("next");
            g.writeNumberField("page", page.page() + 1);
            g.writeStringField("starting_after", page.nextCursor());
            g.writeEndObject();
        }
        g.writeNumberField("page", page.page());
        g.writeNumberField("per_page", page.perPage());
        g.writeNumberField("total_pages", (page.total() + page.perPage() - 1) / page.perPage());
        g.writeEndObject();
    }
}
