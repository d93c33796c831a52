package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** Admin activity logs: a fixed, append-only history ordered by created_at. */
final class ActivityLogRenderer {
    private static final String[] TYPES = {"admin_login_success", "admin_logout", "admin_away_mode_change",
        "app_name_change", "team_assignment_limit_change", "admin_occupancy_state_change", "message_state_change",
        "bulk_export", "role_change", "admin_login_success"};

    private final FakeWorkspace ws;
    private final CatalogRenderer catalog;
    private final long seed;

    ActivityLogRenderer(FakeWorkspace ws, CatalogRenderer catalog) {
        this.ws = ws;
        this.catalog = catalog;
        this.seed = ws.seed();
    }

    void write(JsonGenerator g, int i) throws IOException {
        int admin = Mix.pick(seed, Mix.ACTIVITY_LOG, i, 1, ws.profile().admins());
        String type = TYPES[Mix.pick(seed, Mix.ACTIVITY_LOG, i, 2, TYPES.length)];
        String name = catalog.adminName(admin);
        long createdAt = ws.activityLogCreatedAt()[i];
        g.writeStartObject();
        g.writeStringField("id", ws.activityLogId(i));
        g.writeObjectFieldStart("performed_by");
        g.writeStringField("type", "admin");
        g.writeStringField("id", ws.adminId(admin));
        g.writeStringField("email", catalog.adminEmail(admin));
        g.writeStringField("ip", "198.51.100." + (1 + Mix.pick(seed, Mix.ACTIVITY_LOG, i, 3, 254)));
        g.writeEndObject();
        g.writeObjectFieldStart("metadata");
        String description = writeMetadata(g, i, type, name, createdAt);
        g.writeEndObject();
        g.writeNumberField("created_at", createdAt);
        g.writeStringField("activity_type", type);
        g.writeStringField("activity_description", description);
        g.writeEndObject();
    }

    private String writeMetadata(JsonGenerator g, int i, String type, String name, long createdAt) throws IOException {
        switch (type) {
            case "admin_login_success":
                g.writeStringField("sign_in_method", i % 2 == 0 ? "email_password" : "google_sso");
                return name + " successfully logged in.";
            case "admin_logout":
                return name + " logged out.";
            case "admin_away_mode_change":
                g.writeBooleanField("away_mode", i % 2 == 0);
                g.writeStringField("away_status_reason", "😌 On a break");
                g.writeBooleanField("reassign_conversations", false);
                g.writeStringField("source", "admin update from web - Admin id: " + ws.adminId(0));
                g.writeStringField("auto_changed", "false");
                return name + " changed their away mode.";
            case "app_name_change":
                g.writeStringField("before", "Workspace " + i);
                g.writeStringField("after", "Workspace " + (i + 1));
                return name + " changed your app name from Workspace " + i + " to Workspace " + (i + 1) + ".";
            case "team_assignment_limit_change": {
                int team = i % ws.profile().teams();
                g.writeObjectFieldStart("team");
                g.writeNumberField("id", Long.parseLong(ws.teamId(team)));
                g.writeStringField("name", Vocabulary.TEAM_NAMES[team % Vocabulary.TEAM_NAMES.length]);
                g.writeEndObject();
                g.writeNumberField("team_assignment_limit", 10 + i % 40);
                return name + " changed a team assignment limit.";
            }
            case "admin_occupancy_state_change":
                g.writeStringField("previous_state", "idle");
                g.writeStringField("new_state", "occupied");
                g.writeNumberField("threshold_minutes", 15);
                g.writeNumberField("last_activity_at", createdAt - 60);
                g.writeBooleanField("auto", true);
                return name + " became occupied.";
            case "message_state_change":
                g.writeObjectFieldStart("message");
                g.writeNumberField("id", 9000 + i);
                g.writeStringField("title", "Onboarding message " + i);
                g.writeEndObject();
                g.writeStringField("before", "draft");
                g.writeStringField("after", "live");
                return name + " changed Onboarding message " + i + " from draft to live.";
            case "bulk_export":
                return name + " exported conversations.";
            default:
                g.writeStringField("before", "Teammate");
                g.writeStringField("after", "Admin");
                return name + " changed a teammate's role.";
        }
    }
}
