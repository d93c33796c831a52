package io.tapintercom.fake;

/** Single objects and unpaginated sub-lists: GET /contacts/{id}[/tags], /companies/{id}[/segments], etc. */
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
