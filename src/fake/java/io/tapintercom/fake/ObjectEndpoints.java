package io.tapintercom.fake;

/**
 * Single objects and unpaginated sub-lists: GET /contacts/{id}[/tags|/segments|/subscriptions],
 * /companies/{id}[/segments], a user's event summary (GET /events?type=user&intercom_user_id=...&summary=true), etc.
 */
final class ObjectEndpoints {
    private final FakeWorkspace ws;
    private final Renderers renderers;

    ObjectEndpoints(FakeWorkspace ws, Renderers renderers) {
        this.ws = ws;
        this.renderers = renderers;
    }

    void register(Router router) {
        router.add("GET", "/contacts/{id}", this::contact);
        router.add("GET", "/contacts/{id}/tags", this::contactTags);
        router.add("GET", "/contacts/{id}/segments", this::contactSegments);
        router.add("GET", "/contacts/{id}/subscriptions", this::contactSubscriptions);
        router.add("GET", "/events", this::eventSummary);
        router.add("GET", "/companies/{id}", this::company);
        router.add("GET", "/companies/{id}/segments", this::companySegments);
        router.add("GET", "/conversations/{id}", this::conversation);
        router.add("GET", "/tickets/{id}", this::ticket);
    }

    private int contactIndex(Request r) throws ApiException {
        int idx = ws.contactIndex(r.pathParam("id"));
        if (idx < 0) {
            throw ApiException.notFound();
        }
        return idx;
    }

    private int companyIndex(Request r) throws ApiException {
        int idx = ws.companyIndex(r.pathParam("id"));
        if (idx < 0) {
            throw new ApiException(404, "company_not_found", "Company Not Found");
        }
        return idx;
    }

    private Response contact(Request r) throws ApiException {
        int idx = contactIndex(r);
        return Response.ok(g -> renderers.contacts.write(g, idx, true));
    }

    private Response contactTags(Request r) throws ApiException {
        int idx = contactIndex(r);
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "list");
            g.writeArrayFieldStart("data");
            for (int j = 0; j < ws.links().contactTagCount(idx); j++) {
                renderers.catalog.writeAppliedTag(g, ws.links().contactTag(idx, j), renderers.contacts.tagAppliedAt(idx, j),
                        idx + j);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private Response contactSegments(Request r) throws ApiException {
        int idx = contactIndex(r);
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "list");
            g.writeArrayFieldStart("data");
            for (int j = 0; j < ws.links().contactSegmentCount(idx); j++) {
                renderers.catalog.writeSegment(g, ws.links().contactSegment(idx, j), false);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** Only the subscription types the contact chose explicitly, as Intercom lists them. */
    private Response contactSubscriptions(Request r) throws ApiException {
        int idx = contactIndex(r);
        int choices = ws.links().contactSubscriptionChoices(idx);
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "list");
            g.writeArrayFieldStart("data");
            for (int k = 0; k < CatalogRenderer.subscriptionTypeCount(); k++) {
                if ((choices & (1 << k)) != 0) {
                    renderers.catalog.writeSubscriptionType(g, k);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** GET /events?type=user&intercom_user_id=ID&summary=true: one line per event name the user has sent. */
    private Response eventSummary(Request r) throws ApiException {
        if (!"user".equals(r.query("type"))) {
            throw new ApiException(400, "parameter_invalid", "type must be user");
        }
        if (!"true".equals(r.query("summary"))) {
            throw new ApiException(400, "parameter_invalid", "the fake serves event summaries only (summary=true)");
        }
        String id = r.query("intercom_user_id");
        int idx = id == null ? -1 : ws.contactIndex(id);
        if (idx < 0) {
            throw new ApiException(404, "not_found", "User Not Found");
        }
        return Response.ok(g -> renderers.contacts.writeEventSummary(g, idx));
    }

    private Response company(Request r) throws ApiException {
        int idx = companyIndex(r);
        return Response.ok(g -> renderers.companies.write(g, idx));
    }

    private Response companySegments(Request r) throws ApiException {
        int idx = companyIndex(r);
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "list");
            g.writeArrayFieldStart("data");
            for (int j = 0; j < ws.links().companySegmentCount(idx); j++) {
                renderers.catalog.writeSegment(g, ws.links().companySegment(idx, j), false);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private Response conversation(Request r) throws ApiException {
        int idx = ws.conversationIndex(r.pathParam("id"));
        if (idx < 0) {
            throw ApiException.notFound();
        }
        return Response.ok(g -> renderers.conversations.write(g, idx, true));
    }

    private Response ticket(Request r) throws ApiException {
        String id = r.pathParam("id");
        int idx = -1;
        try {
            idx = Integer.parseInt(id) - Integer.parseInt(ws.ticketId(0));
        } catch (NumberFormatException ignored) {
            // unknown id
        }
        if (!ws.tickets().isLive(idx) || !ws.ticketId(idx).equals(id)) {
            throw new ApiException(404, "ticket_not_found", "Ticket not found");
        }
        int found = idx;
        return Response.ok(g -> renderers.tickets.write(g, found));
    }
}
