package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Page-number endpoints: collections, articles, a contact's notes and companies, admin activity logs.
 * pages.next is the full URL of the next page, or null on the last one.
 */
final class PagedEndpoints {
    private final FakeWorkspace ws;
    private final Renderers renderers;

    PagedEndpoints(FakeWorkspace ws, Renderers renderers) {
        this.ws = ws;
        this.renderers = renderers;
    }

    void register(Router router) {
        router.add("GET", "/help_center/collections", this::collections);
        router.add("GET", "/articles", this::articles);
        router.add("GET", "/contacts/{id}/notes", this::contactNotes);
        router.add("GET", "/contacts/{id}/companies", this::contactCompanies);
        router.add("GET", "/admins/activity_logs", this::activityLogs);
        router.add("GET", "/conversations/deleted", this::deletedConversations);
    }

    @FunctionalInterface
    private interface PositionWriter {
        void write(JsonGenerator g, int position) throws IOException;
    }

    /** {"type":"list","data":[...],"total_count":N,"pages":{...}} over positions 0..total-1. */
    private static Response list(Request r, PageRequest page, int total, PositionWriter writer) {
        String next = page.nextUrl(r, total, Map.of());
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "list");
            g.writeArrayFieldStart("data");
            int end = (int) Math.min(total, (long) page.offset() + page.perPage());
            for (int pos = page.offset(); pos < end; pos++) {
                writer.write(g, pos);
            }
            g.writeEndArray();
            g.writeNumberField("total_count", total);
            page.writePages(g, total, next);
            g.writeEndObject();
        });
    }

    /** Most recently updated first, as Intercom lists help center content. */
    private static int newestFirst(EntityTable table, int position) {
        SortedKeyIndex idx = table.index(SortField.UPDATED_AT);
        return SortedKeyIndex.indexOf(idx.keyAt(idx.size() - 1 - position));
    }

    private Response collections(Request r) throws ApiException {
        PageRequest page = PageRequest.parse(r, 20, 250);
        EntityTable t = ws.collections();
        return list(r, page, t.liveCount(), (g, pos) -> renderers.helpCenter.writeCollection(g, newestFirst(t, pos)));
    }

    private Response articles(Request r) throws ApiException {
        PageRequest page = PageRequest.parse(r, 25, 250);
        EntityTable t = ws.articles();
        return list(r, page, t.liveCount(), (g, pos) -> renderers.helpCenter.writeArticle(g, newestFirst(t, pos)));
    }

    private int contact(Request r) throws ApiException {
        int idx = ws.contactIndex(r.pathParam("id"));
        if (idx < 0) {
            throw ApiException.notFound();
        }
        return idx;
    }

    private Response contactNotes(Request r) throws ApiException {
        int contact = contact(r);
        PageRequest page = PageRequest.parse(r, 50, 150);
        return list(r, page, ws.links().contactNoteCount(contact), (g, j) -> renderers.notes.write(g, contact, j));
    }

    private Response contactCompanies(Request r) throws ApiException {
        int contact = contact(r);
        PageRequest page = PageRequest.parse(r, 50, 150);
        return list(r, page, ws.links().contactCompanyCount(contact),
                (g, j) -> renderers.companies.write(g, ws.links().contactCompany(contact, j)));
    }

    private Response activityLogs(Request r) throws ApiException {
        String after = r.query("created_at_after");
        if (after == null || after.isEmpty()) {
            throw new ApiException(404, "parameter_not_found",
                    "Please provide the following parameters: created_at_after");
        }
        long from = epoch("created_at_after", after);
        String before = r.query("created_at_before");
        long to = before == null || before.isEmpty() ? Long.MAX_VALUE : epoch("created_at_before", before);
        PageRequest page = PageRequest.parse(r, 20, 250);
        int[] created = ws.activityLogCreatedAt();
        int lo = firstAtLeast(created, from);
        int hi = to == Long.MAX_VALUE ? created.length : firstAtLeast(created, to + 1);
        int total = Math.max(0, hi - lo);
        Map<String, String> keep = new LinkedHashMap<>();
        keep.put("created_at_after", Long.toString(from));
        keep.put("created_at_before", before == null || before.isEmpty() ? null : Long.toString(to));
        String next = page.nextUrl(r, total, keep);
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "activity_log.list");
            page.writePages(g, total, next);
            g.writeArrayFieldStart("activity_logs");
            int end = (int) Math.min(total, (long) page.offset() + page.perPage());
            for (int pos = page.offset(); pos < end; pos++) {
                // Newest first.
                renderers.activityLogs.write(g, hi - 1 - pos);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * GET /conversations/deleted (2.16 and Preview): {"type":"conversations.list","total_count":N,"pages":{...},
     * "conversations":[{"type":"conversation","id","metrics_retained","deleted_at"}]}, newest deletion first
     * unless order=asc; 20 a page by default, at most 60. Older versions answer 400 intercom_version_invalid.
     */
    private Response deletedConversations(Request r) throws ApiException {
        if (!r.versionAtLeast(2, 16)) {
            throw new ApiException(400, "intercom_version_invalid", "Requested resource is not available in current API version.");
        }
        String order = r.query("order") == null ? "desc" : r.query("order");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new ApiException(400, "parameter_invalid", "order must be asc or desc");
        }
        PageRequest page = PageRequest.parse(r, 20, 60);
        List<FakeWorkspace.DeletedConversation> all = ws.deletedConversations(order.equals("asc"));
        Map<String, String> keep = new LinkedHashMap<>();
        keep.put("order", order);
        String next = page.nextUrl(r, all.size(), keep);
        return Response.ok(g -> {
            g.writeStartObject();
            g.writeStringField("type", "conversations.list");
            g.writeNumberField("total_count", all.size());
            page.writePages(g, all.size(), next);
            g.writeArrayFieldStart("conversations");
            int end = (int) Math.min(all.size(), (long) page.offset() + page.perPage());
            for (int pos = page.offset(); pos < end; pos++) {
                FakeWorkspace.DeletedConversation d = all.get(pos);
                g.writeStartObject();
                g.writeStringField("type", "conversation");
                g.writeStringField("id", d.id());
                g.writeBooleanField("metrics_retained", d.metricsRetained());
                g.writeNumberField("deleted_at", d.deletedAt());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static long epoch(String name, String raw) throws ApiException {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "parameter_invalid", name + " must be a UNIX timestamp");
        }
    }

    private static int firstAtLeast(int[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
