package io.tapintercom.fake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque starting_after of search results: base64 of "[sortValueMillis,index,nextPage]", shaped like Intercom's
 * own cursors. It names the last item's sort position, so paging stays stable while records change (and, as on
 * Intercom, a record updated mid-walk can reappear later or be passed over).
 */
record SearchCursor(long key, int page) {

    static String encode(long key, int nextPage) {
        String json = "[" + SortedKeyIndex.valueOf(key) * 1000L + "," + SortedKeyIndex.indexOf(key) + "," + nextPage
                + "]";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String token) throws ApiException {
        try {
            String json = new String(Base64.getDecoder().decode(token.trim()), StandardCharsets.UTF_8);
            if (!json.startsWith("[") || !json.endsWith("]")) {
                throw invalid();
            }
            String[] parts = json.substring(1, json.length() - 1).split(",");
            if (parts.length != 3) {
                throw invalid();
            }
            long millis = Long.parseLong(parts[0].trim());
            long index = Long.parseLong(parts[1].trim());
            long page = Long.parseLong(parts[2].trim());
            long value = millis / 1000;
            if (millis % 1000 != 0 || value < 0 || value > Integer.MAX_VALUE || index < 0 || index > Integer.MAX_VALUE
                    || page < 2 || page > Integer.MAX_VALUE) {
                throw invalid();
            }
            return new SearchCursor(SortedKeyIndex.key((int) value, (int) index), (int) page);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return new ApiException(400, "client_error",
                "Invalid starting_after param. Please try again using a starting_after value from a paginated response");
    }
}
