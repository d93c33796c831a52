package io.tapintercom.fake;

import java.util.List;

/** The unpaginated catalogs: /me, admins, teams, tags, segments, data attributes, subscription and ticket types. */
final class CatalogEndpoints {
    private final FakeWorkspace ws;
    private final CatalogRenderer catalog;

    CatalogEndpoints(FakeWorkspace ws, Renderers renderers) {
        this.ws = ws;
        this.catalog = renderers.catalog;
    }

    void register(Router router) {
        router.add("GET", "/me", r -> Response.ok(catalog::writeMe));
        router.add("GET", "/admins", this::admins);
        router.add("GET", "/teams", this::teams);
        router.add("GET", "/tags", this::tags);
        router.add("GET", "/segments", this::segments);
        router.add("GET", "/data_attributes", this::dataAttributes);
        router.add("GET", "/subscription_types", this::subscriptionTypes);
        router.add("GET", "/ticket_types", this::ticketTypes);
        router.add("GET", "/ticket_states", this::ticketStates);
    }

    private Response admins(Request r) {
        boolean avatar = r.queryFlag("display_avatar");
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "admin.list");
            g.writeArrayFieldStart("admins");
            for (int i = 0; i < ws.profile().admins(); i++) {
                catalog.writeAdmin(g, i, avatar);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private Response teams(Request r) {
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "team.list");
            g.writeArrayFieldStart("teams");
            for (int i = 0; i < ws.profile().teams(); i++) {
                catalog.writeTeam(g, i);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private Response tags(Request r) {
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "list");
            g.writeArrayFieldStart("data");
            for (int i = 0; i < ws.profile().tags(); i++) {
                catalog.writeTag(g, i);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** type=company is legacy (v1 docs) but still sent by extractors; it lists the company segments only. */
    private Response segments(Request r) throws ApiException {
        String type = r.query("type");
        if (type != null && !type.equals("company") && !type.equals("user") && !type.equals("contact")) {
            throw new ApiException(400, "parameter_invalid", "type must be company");
        }
        boolean company = "company".equals(type);
        boolean includeCount = r.queryFlag("include_count");
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "segment.list");
            g.writeArrayFieldStart("segments");
            for (int i = 0; i < ws.profile().segments(); i++) {
                if (ws.links().isCompanySegment(i) == company) {
                    catalog.writeSegment(g, i, includeCount);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private Response dataAttributes(Request r) throws ApiException {
        String model = r.query("model");
        List<String> models = model == null ? List.of(DataAttributeCatalog.CONTACT, DataAttributeCatalog.COMPANY,
                DataAttributeCatalog.CONVERSATION) : List.of(model);
        if (model != null && ws.dataAttributes().forModel(model) == null) {
            throw new ApiException(400, "parameter_invalid", "model must be one of contact, company, conversation");
        }
        if (r.preview() && DataAttributeCatalog.CONVERSATION.equals(model)) {
            throw new ApiException(422, "parameter_invalid",
                    "model=conversation is no longer supported. Use GET /conversations/attributes instead");
        }
        boolean archived = r.queryFlag("include_archived");
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "list");
            g.writeArrayFieldStart("data");
            for (String m : models) {
                for (AttributeDefinition def : ws.dataAttributes().forModel(m)) {
                    if (archived || !def.archived()) {
                        catalog.writeDataAttribute(g, def);
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private Response subscriptionTypes(Request r) {
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "list");
            g.writeArrayFieldStart("data");
            for (int i = 0; i < CatalogRenderer.subscriptionTypeCount(); i++) {
                catalog.writeSubscriptionType(g, i);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private Response ticketTypes(Request r) {
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "list");
            g.writeArrayFieldStart("data");
            for (int i = 0; i < CatalogRenderer.TICKET_TYPES.length; i++) {
                catalog.writeTicketType(g, i);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private Response ticketStates(Request r) {
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "list");
            g.writeArrayFieldStart("data");
            for (int i = 0; i < CatalogRenderer.TICKET_STATES.length; i++) {
                catalog.writeTicketState(g, i);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
