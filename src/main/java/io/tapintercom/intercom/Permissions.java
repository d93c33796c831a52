package io.tapintercom.intercom;

import java.util.Map;

/**
 * Which of an Intercom app's permissions a resource probably needs. Intercom apps choose their
 * permissions per resource in the Developer Hub, and a 403 does not say which one is missing. The names
 * are those of Intercom's permission list as we know it (not checked against every app's Developer Hub,
 * hence "likely"), matched on the path's first segment, so that the line about a refused stream says
 * what to look for.
 */
final class Permissions {
    private static final String USERS_AND_COMPANIES = "Read and list users and companies";
    private static final Map<String, String> BY_RESOURCE = Map.ofEntries(
            Map.entry("contacts", USERS_AND_COMPANIES),
            Map.entry("companies", USERS_AND_COMPANIES),
            Map.entry("segments", USERS_AND_COMPANIES),
            Map.entry("subscription_types", USERS_AND_COMPANIES),
            Map.entry("data_attributes", USERS_AND_COMPANIES),
            Map.entry("conversations", "Read conversations"),
            Map.entry("tickets", "Read tickets"),
            Map.entry("ticket_types", "Read tickets"),
            Map.entry("admins", "Read admins"),
            Map.entry("teams", "Read admins"),
            Map.entry("tags", "Read tags"),
            Map.entry("articles", "Read and list articles"),
            Map.entry("help_center", "Read and list articles"));

    private Permissions() {}

    /** What probably stands in the way of a 403 or 404 on this path, as the end of a sentence. */
    static String likelyCause(int status, String code, String path) {
        if ("api_plan_restricted".equals(code)) {
            return "the workspace's Intercom plan does not include this API";
        }
        if (status == 404) {
            return "the workspace's plan or the API version may not have this endpoint";
        }
        String permission = BY_RESOURCE.get(firstSegment(path));
        return permission == null ? "the app likely lacks a permission this endpoint needs"
                : "the app likely lacks the \"" + permission + "\" permission (Developer Hub, Authentication)";
    }

    static String firstSegment(String path) {
        String bare = path.replaceFirst("^[a-zA-Z]+://[^/]+", "").replaceFirst("^/+", "");
        int end = bare.indexOf('/');
        int query = bare.indexOf('?');
        if (query >= 0 && (end < 0 || query < end)) {
            end = query;
        }
        return end < 0 ? bare : bare.substring(0, end);
    }
}
