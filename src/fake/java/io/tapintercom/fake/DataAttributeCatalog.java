package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The data attributes of each model, served by GET /data_attributes, and the single source of custom attribute names
 * and types used when rendering contacts, companies and conversations, so the two always agree.
 */
final class DataAttributeCatalog {
    static final String CONTACT = "contact";
    static final String COMPANY = "company";
    static final String CONVERSATION = "conversation";

    private final List<AttributeDefinition> contact = new ArrayList<>();
    private final List<AttributeDefinition> company = new ArrayList<>();
    private final List<AttributeDefinition> conversation = new ArrayList<>();

    DataAttributeCatalog() {
        contact.add(AttributeDefinition.standard(CONTACT, "name", "Name", "The name of a user.", "string"));
        contact.add(AttributeDefinition.standard(CONTACT, "email", "Email", "The email address of a user.", "string"));
        contact.add(AttributeDefinition.standard(CONTACT, "phone", "Phone", "The phone number of a user.", "string"));
        contact.add(AttributeDefinition.standard(CONTACT, "external_id", "User ID", "Your identifier for a user.",
                "string"));
        contact.add(AttributeDefinition.standard(CONTACT, "role", "Role", "Whether the contact is a user or a lead.",
                "string"));
        contact.add(AttributeDefinition.standard(CONTACT, "owner_id", "Owner", "The teammate who owns the contact.",
                "integer"));
        contact.add(AttributeDefinition.standard(CONTACT, "created_at", "Created at", "When the contact was added.",
                "date"));
        contact.add(AttributeDefinition.standard(CONTACT, "signed_up_at", "Signed up", "When the user signed up.",
                "date"));
        contact.add(AttributeDefinition.standard(CONTACT, "updated_at", "Updated at",
                "When the contact was last updated.", "date"));
        contact.add(AttributeDefinition.standard(CONTACT, "last_seen_at", "Last seen",
                "The last time the contact was seen.", "date"));
        contact.add(AttributeDefinition.standard(CONTACT, "unsubscribed_from_emails", "Unsubscribed from emails",
                "Whether the contact unsubscribed from emails.", "boolean"));
        contact.add(AttributeDefinition.standard(CONTACT, "location.country", "Country",
                "The country the contact was last seen in.", "string"));
        contact.add(AttributeDefinition.standard(CONTACT, "location.city", "City",
                "The city the contact was last seen in.", "string"));
        contact.add(AttributeDefinition.custom(12878, CONTACT, "paid_subscriber", "boolean", false, null, List.of()));
        contact.add(AttributeDefinition.custom(12879, CONTACT, "monthly_spend", "float", false, null, List.of()));
        contact.add(AttributeDefinition.custom(12880, CONTACT, "team_mates", "integer", false, null, List.of()));
        contact.add(AttributeDefinition.custom(12881, CONTACT, "plan_tier", "string", false,
                List.of("free", "pro", "enterprise"), List.of("free", "pro", "enterprise")));
        contact.add(AttributeDefinition.custom(12882, CONTACT, "trial_ends_at", "date", false, null, List.of()));
        contact.add(AttributeDefinition.custom(12883, CONTACT, "Lead Source", "string", false, null,
                List.of("Webinar", "Google Ads", "Referral", "Organic", "Partner")));
        contact.add(AttributeDefinition.custom(12884, CONTACT, "legacy_score", "integer", true, null, List.of()));

        company.add(AttributeDefinition.standard(COMPANY, "name", "Company name", "The name of the company.",
                "string"));
        company.add(AttributeDefinition.standard(COMPANY, "company_id", "Company ID", "Your identifier for the company.",
                "string"));
        company.add(AttributeDefinition.standard(COMPANY, "created_at", "Company created at",
                "When the company was added to Intercom.", "date"));
        company.add(AttributeDefinition.standard(COMPANY, "remote_created_at", "Company created at (remote)",
                "When the company was created in your system.", "date"));
        company.add(AttributeDefinition.standard(COMPANY, "updated_at", "Company updated at",
                "When the company was last updated.", "date"));
        company.add(AttributeDefinition.standard(COMPANY, "last_request_at", "Company last seen",
                "The last day anyone from a company visited your site or app", "date"));
        company.add(AttributeDefinition.standard(COMPANY, "plan.name", "Plan", "The plan the company is on.",
                "string"));
        company.add(AttributeDefinition.standard(COMPANY, "monthly_spend", "Monthly spend",
                "How much revenue the company generates for your business.", "float"));
        company.add(AttributeDefinition.standard(COMPANY, "session_count", "Company web sessions",
                "All visits from anyone in the company.", "integer"));
        company.add(AttributeDefinition.standard(COMPANY, "user_count", "People",
                "The number of users in the company.", "integer"));
        company.add(AttributeDefinition.standard(COMPANY, "size", "Company size", "The number of employees.",
                "integer"));
        company.add(AttributeDefinition.standard(COMPANY, "website", "Website", "The company's website.", "string"));
        company.add(AttributeDefinition.standard(COMPANY, "industry", "Industry", "The company's industry.",
                "string"));
        // A custom "name" beside the standard "name": the two must not collide in a tap's schema.
        company.add(AttributeDefinition.custom(34, COMPANY, "name", "string", false, null,
                List.of("Acme Holdings Ltd", "Globex Corporation", "Initech LLC", "Umbrella Group plc",
                        "Stark Industries Inc", "Wayne Enterprises")));
        company.add(AttributeDefinition.custom(35, COMPANY, "employee_count", "integer", false, null, List.of()));
        company.add(AttributeDefinition.custom(36, COMPANY, "arr", "float", false, null, List.of()));
        company.add(AttributeDefinition.custom(37, COMPANY, "is_enterprise", "boolean", false, null, List.of()));
        company.add(AttributeDefinition.custom(38, COMPANY, "renewal_date", "date", false, null, List.of()));
        company.add(AttributeDefinition.custom(39, COMPANY, "region", "string", false, null,
                List.of("EMEA", "NA", "LATAM", "APAC")));
        company.add(AttributeDefinition.custom(40, COMPANY, "old_crm_id", "string", true, null,
                List.of("CRM-1001", "CRM-2044", "CRM-3170", "CRM-4512")));

        conversation.add(AttributeDefinition.standard(CONVERSATION, "created_at", "Created at",
                "When the conversation started.", "date"));
        conversation.add(AttributeDefinition.standard(CONVERSATION, "updated_at", "Updated at",
                "When the conversation was last updated.", "date"));
        conversation.add(AttributeDefinition.standard(CONVERSATION, "state", "State",
                "Whether the conversation is open, closed or snoozed.", "string"));
        conversation.add(AttributeDefinition.standard(CONVERSATION, "priority", "Priority",
                "Whether the conversation is prioritised.", "string"));
        conversation.add(AttributeDefinition.standard(CONVERSATION, "admin_assignee_id", "Assignee",
                "The teammate the conversation is assigned to.", "integer"));
        conversation.add(AttributeDefinition.standard(CONVERSATION, "team_assignee_id", "Team assignee",
                "The team the conversation is assigned to.", "integer"));
        conversation.add(AttributeDefinition.custom(201, CONVERSATION, "CX Score rating", "integer", false, null,
                List.of()));
        conversation.add(AttributeDefinition.custom(202, CONVERSATION, "CX Score explanation", "string", false, null,
                List.of("The conversation was resolved quickly.", "The customer had to repeat themselves.",
                        "The customer expressed satisfaction with the outcome.")));
        conversation.add(AttributeDefinition.custom(203, CONVERSATION, "escalated", "boolean", false, null,
                List.of()));
        conversation.add(AttributeDefinition.custom(204, CONVERSATION, "sla_due_at", "date", false, null, List.of()));
        conversation.add(AttributeDefinition.custom(205, CONVERSATION, "csat", "float", false, null, List.of()));
        conversation.add(AttributeDefinition.custom(206, CONVERSATION, "issue_type", "string", false,
                List.of("bug", "question", "billing", "feature_request"),
                List.of("bug", "question", "billing", "feature_request")));
    }

    /** @return null for an unknown model */
    List<AttributeDefinition> forModel(String model) {
        switch (model) {
            case CONTACT:
                return contact;
            case COMPANY:
                return company;
            case CONVERSATION:
                return conversation;
            default:
                return null;
        }
    }

    /**
     * Writes "custom_attributes": {...} with every custom attribute of the model (archived ones included, as stored
     * values outlive the attribute being archived). About one value in ten is null.
     */
    void writeValues(JsonGenerator g, String model, SplittableRandom rnd, int dateFrom, int dateTo)
            throws IOException {
        g.writeObjectFieldStart("custom_attributes");
        for (AttributeDefinition def : forModel(model)) {
            if (!def.custom()) {
                continue;
            }
            boolean isNull = rnd.nextInt(10) == 0;
            long draw = rnd.nextLong();
            g.writeFieldName(def.name());
            if (isNull) {
                g.writeNull();
                continue;
            }
            SplittableRandom v = new SplittableRandom(draw);
            switch (def.dataType()) {
                case "boolean":
                    g.writeBoolean(v.nextBoolean());
                    break;
                case "integer":
                    g.writeNumber(def.name().startsWith("CX Score") ? 1 + v.nextInt(5) : v.nextInt(5000));
                    break;
                case "float":
                    // csat is a 1-5 score; other floats are money-like amounts.
                    double scale = def.name().equals("csat") ? 4 : 10_000;
                    double base = def.name().equals("csat") ? 1 : 0;
                    g.writeNumber(Math.round((base + v.nextDouble() * scale) * 100) / 100.0);
                    break;
                case "date":
                    g.writeNumber(dateFrom + (long) (v.nextDouble() * Math.max(0, dateTo - dateFrom)));
                    break;
                default:
                    g.writeString(def.sampleValues().isEmpty()
                            ? def.name() + "-" + Mix.hex(v.nextLong(), 6)
                            : def.sampleValues().get(v.nextInt(def.sampleValues().size())));
            }
        }
        g.writeEndObject();
    }

    void writeAttribute(JsonGenerator g, AttributeDefinition def, int createdAt, String adminId) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "data_attribute");
        if (def.custom()) {
            g.writeNumberField("id", def.id());
        }
        g.writeStringField("name", def.name());
        g.writeStringField("full_name", def.fullName());
        g.writeStringField("label", def.label());
        g.writeStringField("description", def.description());
        g.writeStringField("data_type", def.dataType());
        if (def.options() != null) {
            g.writeArrayFieldStart("options");
            for (String option : def.options()) {
                g.writeString(option);
            }
            g.writeEndArray();
        }
        g.writeBooleanField("api_writable", def.custom());
        g.writeBooleanField("ui_writable", def.custom());
        g.writeBooleanField("messenger_writable", !def.custom() || "string".equals(def.dataType()));
        g.writeBooleanField("custom", def.custom());
        g.writeBooleanField("archived", def.archived());
        if (def.custom()) {
            g.writeStringField("admin_id", adminId);
            g.writeNumberField("created_at", createdAt + def.id());
            g.writeNumberField("updated_at", createdAt + def.id() * 2L);
        }
        g.writeStringField("model", def.model());
        g.writeEndObject();
    }
}
