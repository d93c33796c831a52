package io.tapintercom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Objects carry every field of their 2.14 OpenAPI component, and custom attributes match /data_attributes. */
class ObjectShapeTest {
    private static final List<String> CONTACT = List.of("type", "id", "external_id", "workspace_id", "role", "email",
            "email_domain", "phone", "name", "owner_id", "has_hard_bounced", "marked_email_as_spam",
            "unsubscribed_from_emails", "created_at", "updated_at", "signed_up_at", "last_seen_at", "last_replied_at",
            "last_contacted_at", "last_email_opened_at", "last_email_clicked_at", "language_override", "browser",
            "browser_version", "browser_language", "os", "android_app_name", "android_app_version", "android_device",
            "android_os_version", "android_sdk_version", "android_last_seen_at", "ios_app_name", "ios_app_version",
            "ios_device", "ios_os_version", "ios_sdk_version", "ios_last_seen_at", "custom_attributes", "avatar",
            "tags", "notes", "companies", "location", "social_profiles");
    private static final List<String> CONVERSATION = List.of("type", "id", "title", "created_at", "updated_at",
            "waiting_since", "snoozed_until", "open", "state", "read", "priority", "admin_assignee_id",
            "team_assignee_id", "tags", "conversation_rating", "source", "contacts", "teammates", "custom_attributes",
            "first_contact_reply", "sla_applied", "statistics", "conversation_parts", "linked_objects",
            "ai_agent_participated", "ai_agent");
    private static final List<String> PART = List.of("type", "id", "part_type", "body", "created_at", "updated_at",
            "notified_at", "assigned_to", "author", "attachments", "external_id", "redacted", "email_message_metadata",
            "metadata", "state", "tags", "event_details", "app_package_code");
    private static final List<String> COMPANY = List.of("type", "id", "name", "app_id", "plan", "company_id",
            "remote_created_at", "created_at", "updated_at", "last_request_at", "size", "website", "industry",
            "monthly_spend", "session_count", "user_count", "custom_attributes", "tags", "segments");
    private static final List<String> TICKET = List.of("type", "id", "ticket_id", "category", "ticket_attributes",
            "ticket_state", "ticket_type", "contacts", "admin_assignee_id", "team_assignee_id", "created_at",
            "updated_at", "open", "snoozed_until", "linked_objects", "ticket_parts", "is_shared");
    private static final List<String> ARTICLE = List.of("type", "id", "workspace_id", "title", "description", "body",
            "author_id", "state", "created_at", "updated_at", "url", "parent_id", "parent_ids", "parent_type",
            "default_locale", "translated_content", "tags");
    private static final List<String> ADMIN = List.of("type", "id", "name", "email", "job_title", "away_mode_enabled",
            "away_mode_reassign", "away_status_reason_id", "has_inbox_seat", "team_ids", "avatar",
            "team_priority_level");

    private static FakeIntercom fake;
    private static FakeClient client;

    @BeforeAll
    static void start() {
        fake = FakeIntercom.start(FakeOptions.small());
        client = new FakeClient(fake);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private static void assertKeys(List<String> keys, JsonNode object) {
        Set<String> actual = new HashSet<>();
        object.fieldNames().forEachRemaining(actual::add);
        assertTrue(actual.containsAll(keys), "missing " + keys.stream().filter(k -> !actual.contains(k)).toList());
    }

    private static final String ALL = "{\"field\":\"updated_at\",\"operator\":\">\",\"value\":0}";

    @Test
    void everyComponentFieldIsPresent() {
        client.post("/contacts/search", FakeClient.search(ALL, 50, null, "ascending")).get("data")
                .forEach(c -> assertKeys(CONTACT, c));
        JsonNode conversation = client.get("/conversations/5");
        assertKeys(CONVERSATION, conversation);
        conversation.get("conversation_parts").get("conversation_parts").forEach(p -> assertKeys(PART, p));
        for (int i = 0; i < 30; i++) {
            assertKeys(COMPANY, client.get("/companies/" + fake.workspace().companyId(i)));
        }
        client.post("/tickets/search", FakeClient.search(ALL, 20, null, "ascending")).get("tickets")
                .forEach(t -> assertKeys(TICKET, t));
        client.get("/articles").get("data").forEach(a -> assertKeys(ARTICLE, a));
        client.get("/admins").get("admins").forEach(a -> assertKeys(ADMIN, a));
    }

    private static Map<String, String> customTypes(String model) {
        Map<String, String> out = new HashMap<>();
        JsonNode attributes = client.get("/data_attributes?model=" + model + "&include_archived=true").get("data");
        for (JsonNode a : attributes) {
            if (a.get("custom").asBoolean()) {
                assertTrue(a.get("id").isInt());
                assertEquals("custom_attributes." + a.get("name").asText(), a.get("full_name").asText());
                out.put(a.get("name").asText(), a.get("data_type").asText());
            } else {
                assertTrue(!a.has("id"));
                assertEquals(a.get("name").asText(), a.get("full_name").asText());
            }
        }
        return out;
    }

    private static void assertCustomAttributes(Map<String, String> types, JsonNode object) {
        JsonNode custom = object.get("custom_attributes");
        Set<String> names = new HashSet<>();
        custom.fieldNames().forEachRemaining(names::add);
        assertEquals(types.keySet(), names);
        types.forEach((name, type) -> {
            JsonNode v = custom.get(name);
            if (v.isNull()) {
                return;
            }
            switch (type) {
                case "integer", "date" -> assertTrue(v.isIntegralNumber(), name + " " + v);
                case "float" -> assertTrue(v.isNumber(), name + " " + v);
                case "boolean" -> assertTrue(v.isBoolean(), name + " " + v);
                default -> assertTrue(v.isTextual(), name + " " + v);
            }
        });
    }

    @Test
    void customAttributesFollowTheDataAttributeCatalog() {
        Map<String, String> contact = customTypes("contact");
        Map<String, String> company = customTypes("company");
        Map<String, String> conversation = customTypes("conversation");
        assertTrue(company.containsKey("name"), "a custom 'name' beside the standard one");
        client.post("/contacts/search", FakeClient.search(ALL, 100, null, "ascending")).get("data")
                .forEach(c -> assertCustomAttributes(contact, c));
        client.get("/companies/scroll").get("data").forEach(c -> assertCustomAttributes(company, c));
        client.post("/conversations/search", FakeClient.search(ALL, 50, null, "ascending")).get("conversations")
                .forEach(c -> assertCustomAttributes(conversation, c));
        int withoutArchived = client.get("/data_attributes?model=contact").get("data").size();
        int withArchived = client.get("/data_attributes?model=contact&include_archived=true").get("data").size();
        assertTrue(withArchived > withoutArchived);
    }
}
