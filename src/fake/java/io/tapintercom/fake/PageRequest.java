package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * page/per_page of the page-number endpoints. Intercom echoes page and per_page as strings when the client sent
 * them and as integers otherwise; the fake does the same, so a tap must accept both.
 */
final class PageRequest {
    private final int page;
    private final int perPage;
    private final String rawPage;
    private final String rawPerPage;

    private PageRequest(int page, int perPage, String rawPage, String rawPerPage) {
        this.page = page;
        this.perPage = perPage;
        this.rawPage = rawPage;
        this.rawPerPage = rawPerPage;
    }

    static PageRequest parse(Request r, int defaultPerPage, int maxPerPage) throws ApiException {
        String rawPage = r.query("page");
        String rawPerPage = r.query("per_page");
        int page = rawPage == null ? 1 : positive("page", rawPage, Integer.MAX_VALUE);
        int perPage = rawPerPage == null ? defaultPerPage : positive("per_page", rawPerPage, maxPerPage);
        return new PageRequest(page, perPage, rawPage == null ? null : Integer.toString(page),
                rawPerPage == null ? null : Integer.toString(perPage));
    }

    private static int positive(String name, String raw, int max) throws ApiException {
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ApiException(400, "parameter_invalid", name + " must be an integer between 1 and " + max);
    }

    int page() {
        return page;
    }

    int perPage() {
        return perPage;
    }

    int offset() {
        long off = (long) (page - 1) * perPage;
        return off > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) off;
    }

    int totalPages(int total) {
        return (total + perPage - 1) / perPage;
    }

    boolean hasNext(int total) {
        return page < totalPages(total);
    }

    /** Full URL of the next page (other query parameters kept), or null on the last page. */
    String nextUrl(Request r, int total, Map<String, String> keep) {
        if (!hasNext(total)) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>(keep);
        params.put("page", Integer.toString(page + 1));
        params.put("per_page", Integer.toString(perPage));
        StringBuilder sb = new StringBuilder(r.baseUrl()).append(r.path());
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return sb.toString();
    }

    /** Writes "pages": {type, next, page, per_page, total_pages}. */
    void writePages(JsonGenerator g, int total, String nextUrl) throws IOException {
        g.writeObjectFieldStart("pages");
        g.writeStringField("type", "pages");
        g.writeStringField("next", nextUrl);
        if (rawPage != null) {
            g.writeStringField("page", rawPage);
        } else {
            g.writeNumberField("page", page);
        }
        if (rawPerPage != null) {
            g.writeStringField("per_page", rawPerPage);
        } else {
            g.writeNumberField("per_page", perPage);
        }
        g.writeNumberField("total_pages", totalPages(total));
        g.writeEndObject();
    }
}
