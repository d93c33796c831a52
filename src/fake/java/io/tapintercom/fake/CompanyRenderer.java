package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.SplittableRandom;

/** Companies; plan, counters and custom attribute values follow the company's version. */
final class CompanyRenderer {
    private final FakeWorkspace ws;
    private final EntityTable companies;
    private final CatalogRenderer catalog;
    private final long seed;

    CompanyRenderer(FakeWorkspace ws, CatalogRenderer catalog) {
        this.ws = ws;
        this.companies = ws.companies();
        this.catalog = catalog;
        this.seed = ws.seed();
    }

    String name(int i) {
        return Vocabulary.COMPANY_WORDS[Mix.pick(seed, Mix.COMPANY, i, 1, Vocabulary.COMPANY_WORDS.length)] + " "
                + Vocabulary.COMPANY_SUFFIXES[Mix.pick(seed, Mix.COMPANY, i, 2, Vocabulary.COMPANY_SUFFIXES.length)];
    }

    void write(JsonGenerator g, int i) throws IOException {
        SplittableRandom s = Mix.rng(seed, Mix.COMPANY, i);
        SplittableRandom v = Mix.rng(seed, Mix.COMPANY, i, companies.version(i));
        long created = companies.createdAt(i);
        long updated = companies.updatedAt(i);
        String name = name(i);
        int plan = v.nextInt(Vocabulary.PLANS.length);
        g.writeStartObject();
        g.writeStringField("type", "company");
        g.writeStringField("id", ws.companyId(i));
        g.writeStringField("name", name);
        g.writeStringField("app_id", ws.workspaceId());
        g.writeObjectFieldStart("plan");
        g.writeStringField("type", "plan");
        g.writeStringField("id", Integer.toString(269_315 + plan));
        g.writeStringField("name", Vocabulary.PLANS[plan]);
        g.writeEndObject();
        g.writeStringField("company_id", Integer.toString(i + 1));
        g.writeNumberField("remote_created_at", created - s.nextInt(400) * (long) TimelineGenerator.DAY);
        g.writeNumberField("created_at", created);
        g.writeNumberField("updated_at", updated);
        g.writeNumberField("last_request_at", updated <= created ? created : created + v.nextLong(updated - created));
        g.writeNumberField("size", 1 + s.nextInt(5000));
        g.writeStringField("website", "https://www." + Vocabulary.slug(name) + ".example.com");
        g.writeStringField("industry", Vocabulary.pick(s, Vocabulary.INDUSTRIES));
        g.writeNumberField("monthly_spend", v.nextInt(20_000));
        g.writeNumberField("session_count", v.nextInt(100_000));
        g.writeNumberField("user_count", 1 + v.nextInt(500));
        ws.dataAttributes().writeValues(g, DataAttributeCatalog.COMPANY, v, (int) created,
                (int) updated + 365 * TimelineGenerator.DAY);
        g.writeObjectFieldStart("tags");
        g.writeStringField("type", "tag.list");
        g.writeArrayFieldStart("tags");
        for (int j = 0; j < ws.links().companyTagCount(i); j++) {
            CatalogRenderer.writeBasicTag(g, ws, ws.links().companyTag(i, j));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("segments");
        g.writeStringField("type", "segment.list");
        g.writeArrayFieldStart("segments");
        for (int j = 0; j < ws.links().companySegmentCount(i); j++) {
            catalog.writeSegment(g, ws.links().companySegment(i, j), false);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }
}
