package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** Help center collections and articles. */
final class HelpCenterRenderer {
    static final long HELP_CENTER_ID = 123L;

    private final FakeWorkspace ws;
    private final long seed;

    HelpCenterRenderer(FakeWorkspace ws) {
        this.ws = ws;
        this.seed = ws.seed();
    }

    private int topLevelCollections() {
        return Math.max(1, (ws.profile().collections() + 2) / 3);
    }

    /** -1 for a top-level collection; otherwise the index of its parent (a section nested in a collection). */
    int collectionParent(int i) {
        int top = topLevelCollections();
        return i < top ? -1 : i % top;
    }

    private String collectionName(int i) {
        String base = Vocabulary.COLLECTION_NAMES[i % Vocabulary.COLLECTION_NAMES.length];
        return i < Vocabulary.COLLECTION_NAMES.length ? base : base + " " + (i + 1);
    }

    void writeCollection(JsonGenerator g, int i) throws IOException {
        EntityTable t = ws.collections();
        String name = collectionName(i);
        String description = i % 4 == 3 ? null : "Everything about " + name.toLowerCase() + ".";
        int parent = collectionParent(i);
        g.writeStartObject();
        g.writeStringField("id", ws.collectionId(i));
        g.writeStringField("workspace_id", ws.workspaceId());
        g.writeStringField("name", name);
        g.writeStringField("description", description);
        g.writeNumberField("created_at", t.createdAt(i));
        g.writeNumberField("updated_at", t.updatedAt(i));
        g.writeStringField("url", "https://help.example.com/en/collections/" + ws.collectionId(i) + "-"
                + Vocabulary.slug(name));
        g.writeStringField("icon", i % 2 == 0 ? "book-bookmark" : "folder");
        g.writeNumberField("order", i + 1);
        g.writeStringField("default_locale", "en");
        g.writeObjectFieldStart("translated_content");
        g.writeStringField("type", "group_translated_content");
        for (String locale : Vocabulary.LOCALES) {
            g.writeFieldName(locale);
            if ("en".equals(locale) || ("fr".equals(locale) && i % 2 == 0)) {
                g.writeStartObject();
                g.writeStringField("type", "group_content");
                g.writeStringField("name", "en".equals(locale) ? name : name + " (FR)");
                g.writeStringField("description", description == null ? "" : description);
                g.writeEndObject();
            } else {
                g.writeNull();
            }
        }
        g.writeEndObject();
        g.writeStringField("parent_id", parent < 0 ? null : ws.collectionId(parent));
        Json.nullableNumber(g, "help_center_id", parent < 0 ? HELP_CENTER_ID : null);
        g.writeEndObject();
    }

    private String articleTitle(int i) {
        String pattern = Vocabulary.ARTICLE_TITLES[Mix.pick(seed, Mix.ARTICLE, i, 1, Vocabulary.ARTICLE_TITLES.length)];
        return String.format(pattern, Vocabulary.TOPICS[Mix.pick(seed, Mix.ARTICLE, i, 2, Vocabulary.TOPICS.length)]);
    }

    void writeArticle(JsonGenerator g, int i) throws IOException {
        EntityTable t = ws.articles();
        String title = articleTitle(i);
        boolean draft = i % 5 == 4;
        String state = draft ? "draft" : "published";
        String url = draft ? null : "https://help.example.com/en/articles/" + ws.articleId(i) + "-" + Vocabulary.slug(title);
        String description = "A short guide: " + title.toLowerCase() + ".";
        String body = "<p>" + title + ".</p><p>Revision " + (t.version(i) + 1) + ".</p>";
        long author = Long.parseLong(ws.adminId(Mix.pick(seed, Mix.ARTICLE, i, 3, ws.profile().admins())));
        int collections = ws.profile().collections();
        int parent = collections == 0 || i % 9 == 8 ? -1 : Mix.pick(seed, Mix.ARTICLE, i, 4, collections);
        g.writeStartObject();
        g.writeStringField("type", "article");
        g.writeStringField("id", ws.articleId(i));
        g.writeStringField("workspace_id", ws.workspaceId());
        g.writeStringField("title", title);
        g.writeStringField("description", description);
        g.writeStringField("body", body);
        g.writeNumberField("author_id", author);
        g.writeStringField("state", state);
        g.writeNumberField("created_at", t.createdAt(i));
        g.writeNumberField("updated_at", t.updatedAt(i));
        g.writeStringField("url", url);
        if (parent < 0) {
            g.writeNullField("parent_id");
            Json.intArray(g, "parent_ids");
            g.writeNullField("parent_type");
        } else {
            g.writeNumberField("parent_id", Long.parseLong(ws.collectionId(parent)));
            int grandParent = collectionParent(parent);
            if (grandParent < 0) {
                Json.intArray(g, "parent_ids", Long.parseLong(ws.collectionId(parent)));
            } else {
                Json.intArray(g, "parent_ids", Long.parseLong(ws.collectionId(grandParent)),
                        Long.parseLong(ws.collectionId(parent)));
            }
            g.writeStringField("parent_type", "collection");
        }
        g.writeStringField("default_locale", "en");
        g.writeObjectFieldStart("translated_content");
        g.writeStringField("type", "article_translated_content");
        for (String locale : Vocabulary.LOCALES) {
            g.writeFieldName(locale);
            if ("en".equals(locale)) {
                g.writeStartObject();
                g.writeStringField("type", "article_content");
                g.writeStringField("title", title);
                g.writeStringField("description", description);
                g.writeStringField("body", body);
                g.writeNumberField("author_id", author);
                g.writeStringField("state", state);
                g.writeNumberField("created_at", t.createdAt(i));
                g.writeNumberField("updated_at", t.updatedAt(i));
                g.writeStringField("url", url);
                g.writeEndObject();
            } else {
                g.writeNull();
            }
        }
        g.writeEndObject();
        g.writeObjectFieldStart("tags");
        g.writeStringField("type", "tag.list");
        g.writeArrayFieldStart("tags");
        if (i % 3 == 0) {
            CatalogRenderer.writeBasicTag(g, ws, Mix.pick(seed, Mix.ARTICLE, i, 5, ws.profile().tags()));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }
}
