package io.tapintercom.fake;

/** One renderer per object kind, all bound to the same workspace. */
final class Renderers {
    final CatalogRenderer catalog;
    final ContactRenderer contacts;
    final CompanyRenderer companies;
    final ConversationRenderer conversations;
    final TicketRenderer tickets;
    final HelpCenterRenderer helpCenter;
    final ActivityLogRenderer activityLogs;
    final NoteRenderer notes;

    Renderers(FakeWorkspace ws) {
        catalog = new CatalogRenderer(ws);
        contacts = new ContactRenderer(ws);
        companies = new CompanyRenderer(ws, catalog);
        conversations = new ConversationRenderer(ws, contacts, catalog);
        tickets = new TicketRenderer(ws, contacts, catalog);
        helpCenter = new HelpCenterRenderer(ws);
        activityLogs = new ActivityLogRenderer(ws, catalog);
        notes = new NoteRenderer(ws, catalog);
    }
}
