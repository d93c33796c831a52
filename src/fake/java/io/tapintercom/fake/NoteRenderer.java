package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** Notes on contacts; note j of a contact is the (j+1)-th most recent. */
final class NoteRenderer {
    private final FakeWorkspace ws;
    private final CatalogRenderer catalog;

    NoteRenderer(FakeWorkspace ws, CatalogRenderer catalog) {
        this.ws = ws;
        this.catalog = catalog;
    }

    long createdAt(int contact, int j) {
        EntityTable contacts = ws.contacts();
        int n = ws.links().contactNoteCount(contact);
        long from = contacts.createdAt(contact);
        long span = contacts.updatedAt(contact) - from;
        return contacts.updatedAt(contact) - span * (j + 1) / (n + 1);
    }

    void write(JsonGenerator g, int contact, int j) throws IOException {
        int admin = Mix.pick(ws.seed(), Mix.NOTE, contact, j, ws.profile().admins());
        g.writeStartObject();
        g.writeStringField("type", "note");
        g.writeStringField("id", ws.noteId(contact, j));
        g.writeNumberField("created_at", createdAt(contact, j));
        g.writeObjectFieldStart("contact");
        g.writeStringField("type", "contact");
        g.writeStringField("id", ws.contactId(contact));
        g.writeEndObject();
        g.writeFieldName("author");
        catalog.writeAdmin(g, admin, false);
        g.writeStringField("body", "<p>" + Vocabulary.REPLIES[(contact + j) % Vocabulary.REPLIES.length] + "</p>");
        g.writeEndObject();
    }
}
