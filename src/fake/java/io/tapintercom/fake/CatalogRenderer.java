package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** The small, unpaginated catalogs: admins, teams, tags, segments, subscription types, ticket types, /me. */
final class CatalogRenderer {
    static final String[][] TICKET_STATES = {
        {"1", "submitted", "Submitted", "Submitted"},
        {"2", "in_progress", "With Dev Team", "In Progress"},
        {"3", "waiting_on_customer", "Waiting on customer", "Awaiting your reply"},
        {"4", "resolved", "Resolved", "Resolved"},
    };
    /** id, category, name, description, icon, custom attribute name. */
    static final String[][] TICKET_TYPES = {
        {"1295", "Customer", "Bug", "A bug that has been reported.", "🐞", "severity"},
        {"1296", "Customer", "Feature Request", "An idea from a customer.", "💡", "product_area"},
        {"1297", "Back-office", "Billing Escalation", "Billing work for the finance team.", "💳", "invoice_number"},
        {"1298", "Tracker", "Incident", "Tracks many reports of one problem.", "🚨", "status_page_url"},
    };

    private final FakeWorkspace ws;
    private final long seed;

    CatalogRenderer(FakeWorkspace ws) {
        this.ws = ws;
        this.seed = ws.seed();
    }

    String adminName(int i) {
        return Vocabulary.fullName(seed, Mix.ADMIN, i);
    }

    String adminEmail(int i) {
        return Vocabulary.emailLocal(adminName(i), i) + "@support.example.com";
    }

    private int primaryTeam(int admin) {
        return admin % ws.profile().teams();
    }

    /** -1 when the admin is in one team only. */
    private int secondaryTeam(int admin) {
        int teams = ws.profile().teams();
        return teams > 1 && admin % 3 == 0 ? (admin + 1) % teams : -1;
    }

    private int catalogTime(int kind, int i) {
        return (int) (ws.now().getEpochSecond() - 800L * TimelineGenerator.DAY + Mix.pick(seed, kind, i, 3, 86_400 * 60));
    }

    void writeAdmin(JsonGenerator g, int i, boolean displayAvatar) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "admin");
        g.writeStringField("id", ws.adminId(i));
        g.writeStringField("name", adminName(i));
        g.writeStringField("email", adminEmail(i));
        g.writeStringField("job_title", Vocabulary.JOB_TITLES[i % Vocabulary.JOB_TITLES.length]);
        boolean away = i % 7 == 3;
        g.writeBooleanField("away_mode_enabled", away);
        g.writeBooleanField("away_mode_reassign", away && i % 2 == 1);
        Json.nullableNumber(g, "away_status_reason_id", away ? 12_345L + i : null);
        g.writeBooleanField("has_inbox_seat", i % 5 != 4);
        int primary = primaryTeam(i);
        int secondary = secondaryTeam(i);
        g.writeArrayFieldStart("team_ids");
        g.writeNumber(Long.parseLong(ws.teamId(primary)));
        if (secondary >= 0) {
            g.writeNumber(Long.parseLong(ws.teamId(secondary)));
        }
        g.writeEndArray();
        g.writeStringField("avatar", displayAvatar
                ? "https://static.intercomassets.com/avatars/" + ws.adminId(i) + "/square_128/avatar.png" : null);
        g.writeObjectFieldStart("team_priority_level");
        Json.intArray(g, "primary_team_ids", Long.parseLong(ws.teamId(primary)));
        if (secondary >= 0) {
            Json.intArray(g, "secondary_team_ids", Long.parseLong(ws.teamId(secondary)));
        } else {
            Json.intArray(g, "secondary_team_ids");
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    void writeTeam(JsonGenerator g, int t) throws IOException {
        int admins = ws.profile().admins();
        g.writeStartObject();
        g.writeStringField("type", "team");
        g.writeStringField("id", ws.teamId(t));
        String base = Vocabulary.TEAM_NAMES[t % Vocabulary.TEAM_NAMES.length];
        g.writeStringField("name", t < Vocabulary.TEAM_NAMES.length ? base : base + " " + (t + 1));
        g.writeArrayFieldStart("admin_ids");
        for (int a = 0; a < admins; a++) {
            if (primaryTeam(a) == t || secondaryTeam(a) == t) {
                g.writeNumber(Long.parseLong(ws.adminId(a)));
            }
        }
        g.writeEndArray();
        g.writeObjectFieldStart("admin_priority_level");
        g.writeArrayFieldStart("primary_admin_ids");
        for (int a = 0; a < admins; a++) {
            if (primaryTeam(a) == t) {
                g.writeNumber(Long.parseLong(ws.adminId(a)));
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("secondary_admin_ids");
        for (int a = 0; a < admins; a++) {
            if (secondaryTeam(a) == t) {
                g.writeNumber(Long.parseLong(ws.adminId(a)));
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        boolean loadBalanced = t % 2 == 1;
        Json.nullableNumber(g, "assignment_limit", loadBalanced ? 10L + t : null);
        g.writeStringField("distribution_method", loadBalanced ? "load_balanced" : "round_robin");
        g.writeEndObject();
    }

    void writeTag(JsonGenerator g, int i) throws IOException {
        writeBasicTag(g, ws, i);
    }

    static String tagName(int i) {
        String base = Vocabulary.TAG_WORDS[i % Vocabulary.TAG_WORDS.length];
        return i < Vocabulary.TAG_WORDS.length ? base : base + " " + (i / Vocabulary.TAG_WORDS.length + 1);
    }

    static void writeBasicTag(JsonGenerator g, FakeWorkspace ws, int i) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "tag");
        g.writeStringField("id", ws.tagId(i));
        g.writeStringField("name", tagName(i));
        g.writeEndObject();
    }

    /** A tag as applied to an object: with applied_at and applied_by. */
    void writeAppliedTag(JsonGenerator g, int i, long appliedAt, int adminIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "tag");
        g.writeStringField("id", ws.tagId(i));
        g.writeStringField("name", tagName(i));
        g.writeNumberField("applied_at", appliedAt);
        g.writeObjectFieldStart("applied_by");
        g.writeStringField("type", "admin");
        g.writeStringField("id", ws.adminId(adminIndex % ws.profile().admins()));
        g.writeEndObject();
        g.writeEndObject();
    }

    void writeSegment(JsonGenerator g, int i, boolean includeCount) throws IOException {
        EntityTable segments = ws.segments();
        g.writeStartObject();
        g.writeStringField("type", "segment");
        g.writeStringField("id", ws.segmentId(i));
        String base = Vocabulary.SEGMENT_NAMES[i % Vocabulary.SEGMENT_NAMES.length];
        g.writeStringField("name", i < Vocabulary.SEGMENT_NAMES.length ? base : base + " " + (i + 1));
        g.writeNumberField("created_at", segments.createdAt(i));
        g.writeNumberField("updated_at", segments.updatedAt(i));
        g.writeStringField("person_type", i % 2 == 0 ? "user" : "contact");
        if (includeCount) {
            int population = ws.links().isCompanySegment(i) ? ws.profile().companies() : ws.profile().contacts();
            g.writeNumberField("count", Mix.pick(seed, Mix.SEGMENT, i, 4 + segments.version(i), population + 1));
        }
        g.writeEndObject();
    }

    void writeSubscriptionType(JsonGenerator g, int i) throws IOException {
        String[][] types = {
            {"135", "live", "opt_out", "Newsletters", "Our monthly newsletter.", "email"},
            {"136", "live", "opt_in", "Product updates", "Offers, product and feature announcements.", "email"},
            {"137", "draft", "opt_out", "SMS reminders", "Reminders about your account by text message.", "sms_message"},
        };
        String[] t = types[i];
        g.writeStartObject();
        g.writeStringField("type", "subscription");
        g.writeStringField("id", t[0]);
        g.writeStringField("state", t[1]);
        g.writeObjectFieldStart("default_translation");
        writeTranslation(g, t[3], t[4], "en");
        g.writeEndObject();
        g.writeArrayFieldStart("translations");
        g.writeStartObject();
        writeTranslation(g, t[3], t[4], "en");
        g.writeEndObject();
        g.writeStartObject();
        writeTranslation(g, t[3] + " (FR)", t[4] + " (FR)", "fr");
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("consent_type", t[2]);
        g.writeArrayFieldStart("content_types");
        g.writeString(t[5]);
        g.writeEndArray();
        g.writeEndObject();
    }

    static int subscriptionTypeCount() {
        return 3;
    }

    private static void writeTranslation(JsonGenerator g, String name, String description, String locale)
            throws IOException {
        g.writeStringField("name", name);
        g.writeStringField("description", description);
        g.writeStringField("locale", locale);
    }

    void writeTicketState(JsonGenerator g, int i) throws IOException {
        String[] s = TICKET_STATES[i];
        g.writeStartObject();
        g.writeStringField("type", "ticket_state");
        g.writeStringField("id", s[0]);
        g.writeStringField("category", s[1]);
        g.writeStringField("internal_label", s[2]);
        g.writeStringField("external_label", s[3]);
        g.writeEndObject();
    }

    void writeTicketType(JsonGenerator g, int i) throws IOException {
        String[] t = TICKET_TYPES[i];
        int created = catalogTime(Mix.TICKET, i);
        g.writeStartObject();
        g.writeStringField("type", "ticket_type");
        g.writeStringField("id", t[0]);
        g.writeStringField("category", t[1]);
        g.writeStringField("name", t[2]);
        g.writeStringField("description", t[3]);
        g.writeStringField("icon", t[4]);
        g.writeStringField("workspace_id", ws.workspaceId());
        g.writeObjectFieldStart("ticket_type_attributes");
        g.writeStringField("type", "list");
        g.writeArrayFieldStart("data");
        writeTicketTypeAttribute(g, i, 0, "_default_title_", "", false, true, created);
        writeTicketTypeAttribute(g, i, 1, "_default_description_", "", true, true, created);
        writeTicketTypeAttribute(g, i, 2, t[5], "Custom attribute " + t[5] + ".", false, false, created);
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("ticket_states");
        g.writeStringField("type", "list");
        g.writeArrayFieldStart("data");
        for (int s = 0; s < TICKET_STATES.length; s++) {
            writeTicketState(g, s);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeBooleanField("archived", false);
        g.writeNumberField("created_at", created);
        g.writeNumberField("updated_at", created + 3600L * (i + 1));
        g.writeBooleanField("is_internal", "Back-office".equals(t[1]));
        g.writeEndObject();
    }

    private void writeTicketTypeAttribute(JsonGenerator g, int type, int n, String name, String description,
            boolean multiline, boolean isDefault, int created) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "ticket_type_attribute");
        g.writeStringField("id", Integer.toString(165 + type * 10 + n));
        g.writeStringField("workspace_id", ws.workspaceId());
        g.writeStringField("name", name);
        g.writeStringField("description", description);
        g.writeStringField("data_type", "string");
        g.writeObjectFieldStart("input_options");
        g.writeBooleanField("multiline", multiline);
        g.writeEndObject();
        g.writeNumberField("order", n);
        g.writeBooleanField("required_to_create", n == 0);
        g.writeBooleanField("required_to_create_for_contacts", false);
        g.writeBooleanField("visible_on_create", true);
        g.writeBooleanField("visible_to_contacts", isDefault);
        g.writeBooleanField("default", isDefault);
        g.writeNumberField("ticket_type_id", Long.parseLong(TICKET_TYPES[type][0]));
        g.writeBooleanField("archived", false);
        g.writeNumberField("created_at", created);
        g.writeNumberField("updated_at", created);
        g.writeEndObject();
    }

    void writeMe(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "admin");
        g.writeStringField("id", ws.adminId(0));
        g.writeStringField("email", adminEmail(0));
        g.writeStringField("name", adminName(0));
        g.writeBooleanField("email_verified", true);
        g.writeObjectFieldStart("app");
        g.writeStringField("type", "app");
        g.writeStringField("id_code", ws.workspaceId());
        g.writeStringField("name", "Fake Workspace " + ws.workspaceId());
        g.writeNumberField("created_at", catalogTime(Mix.WORKSPACE, 0));
        g.writeBooleanField("secure", false);
        g.writeBooleanField("identity_verification", false);
        // UTC, matching the day boundaries the fake's contact search uses.
        g.writeStringField("timezone", "Etc/UTC");
        g.writeStringField("region", "US");
        g.writeEndObject();
        g.writeObjectFieldStart("avatar");
        g.writeStringField("type", "avatar");
        g.writeStringField("image_url", "https://static.intercomassets.com/assets/default-avatars/admins/128.png");
        g.writeEndObject();
        g.writeBooleanField("has_inbox_seat", true);
        g.writeEndObject();
    }

    void writeDataAttribute(JsonGenerator g, AttributeDefinition def) throws IOException {
        ws.dataAttributes().writeAttribute(g, def, catalogTime(Mix.WORKSPACE, 1), ws.adminId(0));
    }
}
