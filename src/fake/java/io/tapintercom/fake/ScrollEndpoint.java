package io.tapintercom.fake;

/**
 * GET /companies/scroll: fixed server-side page size, companies in creation order, one open scroll per workspace,
 * an empty last page that closes the scroll, and "pages"/"total_count" always null.
 */
final class ScrollEndpoint implements Endpoint {
    static final String FAILURE_MESSAGE =
            "Request failed due to an internal network error. Please restart the scroll operation.";

    private final FakeWorkspace ws;
    private final Renderers renderers;
    private final ScrollRegistry registry;
    private final FaultInjector faults;
    private final FakeStats stats;
    private final int pageSize;

    ScrollEndpoint(FakeWorkspace ws, Renderers renderers, ScrollRegistry registry, FaultInjector faults,
            FakeStats stats, int pageSize) {
        this.ws = ws;
        this.renderers = renderers;
        this.registry = registry;
        this.faults = faults;
        this.stats = stats;
        this.pageSize = pageSize;
    }

    @Override
    public Response handle(Request r) throws ApiException {
        String param = r.query("scroll_param");
        boolean commit = !r.deliveryWillFail();
        ScrollRegistry.Position pos = param == null || param.isEmpty()
                ? registry.start(commit) : registry.resume(param);
        if (commit && faults.nextScrollFailure()) {
            registry.abort(pos.param());
            stats.fault(FaultKind.SCROLL_FAILURE);
            throw new ApiException(500, "server_error", FAILURE_MESSAGE);
        }
        int total = ws.companies().size();
        int from = pos.offset();
        int to = Math.min(total, from + pageSize);
        if (commit) {
            // Transport faults never advance the scroll: the client did not see the page, so a retry gets it again.
            registry.advance(pos.param(), to, from >= total);
        }
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "list");
            g.writeArrayFieldStart("data");
            for (int i = from; i < to; i++) {
                renderers.companies.write(g, i);
            }
            g.writeEndArray();
            g.writeNullField("pages");
            g.writeNullField("total_count");
            g.writeStringField("scroll_param", pos.param());
            g.writeEndObject();
        });
    }
}
