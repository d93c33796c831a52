package io.tapintercom.fake;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Contacts (users and leads). Identity fields are stable; activity fields and custom attribute values are drawn from
 * the contact's version, so touching a contact changes what is rendered.
 */
final class ContactRenderer {
    /** Intercom embeds at most this many items of each list in a contact ("Use the url to get more"). */
    static final int EMBEDDED_LIMIT = 10;

    private final FakeWorkspace ws;
    private final EntityTable contacts;
    private final long seed;

    ContactRenderer(FakeWorkspace ws) {
        this.ws = ws;
        this.contacts = ws.contacts();
        this.seed = ws.seed();
    }

    String role(int i) {
        return Mix.pick(seed, Mix.CONTACT, i, 20, 5) == 0 ? "lead" : "user";
    }

    /** Some leads never gave a name. */
    String name(int i) {
        if ("lead".equals(role(i)) && Mix.pick(seed, Mix.CONTACT, i, 21, 3) == 0) {
            return null;
        }
        return Vocabulary.fullName(seed, Mix.CONTACT, i);
    }

    String emailDomain(int i) {
        return Vocabulary.DOMAINS[Mix.pick(seed, Mix.CONTACT, i, 22, Vocabulary.DOMAINS.length)];
    }

    String email(int i) {
        return Vocabulary.emailLocal(Vocabulary.fullName(seed, Mix.CONTACT, i), i) + "@" + emailDomain(i);
    }

    String externalId(int i) {
        return "user".equals(role(i))
                ? Mix.hex(Mix.hash(seed, Mix.CONTACT, i, 23), 16) + Mix.hex(Mix.hash(seed, Mix.CONTACT, i, 25), 8)
                : null;
    }

    Long ownerId(int i) {
        int r = Mix.pick(seed, Mix.CONTACT, i, 24, 4 * ws.profile().admins());
        return r < ws.profile().admins() ? null : Long.parseLong(ws.adminId(r % ws.profile().admins()));
    }

    private static long between(SplittableRandom rnd, long from, long to) {
        return to <= from ? from : from + (long) (rnd.nextDouble() * (to - from));
    }

    private static Long maybe(SplittableRandom rnd, int percent, long from, long to) {
        boolean present = rnd.nextInt(100) < percent;
        long value = between(rnd, from, to);
        return present ? value : null;
    }

    /** @param detail true for GET /contacts/{id}, which adds fields search results lack */
    void write(JsonGenerator g, int i, boolean detail) throws IOException {
        SplittableRandom s = Mix.rng(seed, Mix.CONTACT, i);
        SplittableRandom v = Mix.rng(seed, Mix.CONTACT, i, contacts.version(i));
        long created = contacts.createdAt(i);
        long updated = contacts.updatedAt(i);
        String id = ws.contactId(i);
        boolean user = "user".equals(role(i));
        String[] loc = Vocabulary.LOCATIONS[s.nextInt(Vocabulary.LOCATIONS.length)];
        boolean locationKnown = s.nextInt(10) != 0;
        boolean hasAndroid = s.nextInt(5) == 0;
        boolean hasIos = s.nextInt(5) == 0;

        g.writeStartObject();
        g.writeStringField("type", "contact");
        g.writeStringField("id", id);
        g.writeStringField("external_id", externalId(i));
        g.writeStringField("workspace_id", ws.workspaceId());
        g.writeStringField("role", role(i));
        g.writeStringField("email", email(i));
        g.writeStringField("email_domain", emailDomain(i));
        g.writeStringField("phone", s.nextInt(10) < 7 ? "+353 1 " + (100_0000 + s.nextInt(900_0000)) : null);
        g.writeStringField("name", name(i));
        Json.nullableNumber(g, "owner_id", ownerId(i));
        g.writeBooleanField("has_hard_bounced", s.nextInt(50) == 0);
        g.writeBooleanField("marked_email_as_spam", s.nextInt(100) == 0);
        g.writeBooleanField("unsubscribed_from_emails", v.nextInt(20) == 0);
        g.writeNumberField("created_at", created);
        g.writeNumberField("updated_at", updated);
        Json.nullableNumber(g, "signed_up_at", user ? Math.min(updated, created + s.nextInt(3600)) : null);
        Json.nullableNumber(g, "last_seen_at", maybe(v, 90, created, updated));
        Json.nullableNumber(g, "last_replied_at", maybe(v, 40, created, updated));
        Json.nullableNumber(g, "last_contacted_at", maybe(v, 50, created, updated));
        Json.nullableNumber(g, "last_email_opened_at", maybe(v, 40, created, updated));
        Json.nullableNumber(g, "last_email_clicked_at", maybe(v, 20, created, updated));
        g.writeStringField("language_override", s.nextInt(5) == 0 ? Vocabulary.pick(s, Vocabulary.LANGUAGES) : null);
        g.writeStringField("browser", Vocabulary.pick(s, Vocabulary.BROWSERS));
        g.writeStringField("browser_version", Vocabulary.pick(v, Vocabulary.BROWSER_VERSIONS));
        g.writeStringField("browser_language", Vocabulary.pick(s, Vocabulary.BROWSER_LANGUAGES));
        g.writeStringField("os", Vocabulary.pick(s, Vocabulary.OPERATING_SYSTEMS));
        g.writeStringField("android_app_name", hasAndroid ? "Intercom" : null);
        g.writeStringField("android_app_version", hasAndroid ? "5." + v.nextInt(10) + ".0" : null);
        g.writeStringField("android_device", hasAndroid ? Vocabulary.pick(s, Vocabulary.ANDROID_DEVICES) : null);
        g.writeStringField("android_os_version", hasAndroid ? Integer.toString(10 + s.nextInt(5)) : null);
        g.writeStringField("android_sdk_version", hasAndroid ? Integer.toString(28 + s.nextInt(6)) : null);
        Json.nullableNumber(g, "android_last_seen_at", hasAndroid ? between(v, created, updated) : null);
        g.writeStringField("ios_app_name", hasIos ? "Intercom" : null);
        g.writeStringField("ios_app_version", hasIos ? "5." + v.nextInt(10) + ".0" : null);
        g.writeStringField("ios_device", hasIos ? Vocabulary.pick(s, Vocabulary.IOS_DEVICES) : null);
        g.writeStringField("ios_os_version", hasIos ? "17." + s.nextInt(4) + ".1" : null);
        g.writeStringField("ios_sdk_version", hasIos ? "15." + s.nextInt(4) + ".0" : null);
        Json.nullableNumber(g, "ios_last_seen_at", hasIos ? between(v, created, updated) : null);
        ws.dataAttributes().writeValues(g, DataAttributeCatalog.CONTACT, v, (int) created,
                (int) updated + 90 * TimelineGenerator.DAY);
        if (s.nextBoolean()) {
            g.writeObjectFieldStart("avatar");
            g.writeStringField("type", "avatar");
            g.writeStringField("image_url", "https://static.intercomassets.com/avatars/" + id + "/square_128/avatar.png");
            g.writeEndObject();
        } else {
            g.writeNullField("avatar");
        }
        writeEmbeddedTags(g, i, id);
        writeEmbeddedNotes(g, i, id);
        writeEmbeddedCompanies(g, i, id);
        g.writeObjectFieldStart("location");
        g.writeStringField("type", "location");
        g.writeStringField("country", locationKnown ? loc[2] : null);
        g.writeStringField("region", locationKnown ? loc[1] : null);
        g.writeStringField("city", locationKnown ? loc[0] : null);
        g.writeStringField("country_code", locationKnown ? loc[3] : null);
        g.writeStringField("continent_code", locationKnown ? loc[4] : null);
        g.writeEndObject();
        g.writeObjectFieldStart("social_profiles");
        g.writeStringField("type", "list");
        g.writeArrayFieldStart("data");
        if (s.nextInt(10) < 3) {
            g.writeStartObject();
            g.writeStringField("type", "social_profile");
            g.writeStringField("name", "Twitter");
            g.writeStringField("url", "http://twitter.com/" + Vocabulary.emailLocal(Vocabulary.fullName(seed,
                    Mix.CONTACT, i), i));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        if (detail) {
            writeDetailOnlyFields(g, i, id, v);
        }
        g.writeEndObject();
    }

    private void writeDetailOnlyFields(JsonGenerator g, int i, String id, SplittableRandom v) throws IOException {
        boolean optedOut = v.nextInt(10) == 0;
        writeListHeader(g, "opted_out_subscription_types");
        if (optedOut) {
            writeRef(g, "subscription", "135", "/subscriptions/135");
        }
        writeListFooter(g, "/contacts/" + id + "/subscriptions", optedOut ? 1 : 0, false);
        boolean optedIn = v.nextInt(4) == 0;
        writeListHeader(g, "opted_in_subscription_types");
        if (optedIn) {
            writeRef(g, "subscription", "136", "/subscriptions/136");
        }
        writeListFooter(g, "/contacts/" + id + "/subscriptions", optedIn ? 1 : 0, false);
        boolean campaign = i % 4 == 0;
        g.writeStringField("utm_campaign", campaign ? "spring_launch" : null);
        g.writeStringField("utm_content", campaign ? "hero_banner" : null);
        g.writeStringField("utm_medium", campaign ? "cpc" : null);
        g.writeStringField("utm_source", campaign ? "google" : null);
        g.writeStringField("utm_term", campaign ? "customer messaging" : null);
        g.writeStringField("referrer", campaign ? "https://www.example.com/pricing" : null);
        g.writeNullField("enabled_push_messaging");
    }

    private void writeEmbeddedTags(JsonGenerator g, int i, String id) throws IOException {
        int total = ws.links().contactTagCount(i);
        writeListHeader(g, "tags");
        for (int j = 0; j < Math.min(total, EMBEDDED_LIMIT); j++) {
            String tagId = ws.tagId(ws.links().contactTag(i, j));
            writeRef(g, "tag", tagId, "/tags/" + tagId);
        }
        writeListFooter(g, "/contacts/" + id + "/tags", total, total > EMBEDDED_LIMIT);
    }

    private void writeEmbeddedNotes(JsonGenerator g, int i, String id) throws IOException {
        int total = ws.links().contactNoteCount(i);
        writeListHeader(g, "notes");
        for (int j = 0; j < Math.min(total, EMBEDDED_LIMIT); j++) {
            String noteId = ws.noteId(i, j);
            writeRef(g, "note", noteId, "/notes/" + noteId);
        }
        writeListFooter(g, "/contacts/" + id + "/notes", total, total > EMBEDDED_LIMIT);
    }

    private void writeEmbeddedCompanies(JsonGenerator g, int i, String id) throws IOException {
        int total = ws.links().contactCompanyCount(i);
        writeListHeader(g, "companies");
        for (int j = 0; j < Math.min(total, EMBEDDED_LIMIT); j++) {
            String companyId = ws.companyId(ws.links().contactCompany(i, j));
            g.writeStartObject();
            g.writeStringField("id", companyId);
            g.writeStringField("type", "company");
            g.writeStringField("url", "/companies/" + companyId);
            g.writeEndObject();
        }
        writeListFooter(g, "/contacts/" + id + "/companies", total, total > EMBEDDED_LIMIT);
    }

    private static void writeListHeader(JsonGenerator g, String field) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("type", "list");
        g.writeArrayFieldStart("data");
    }

    private static void writeListFooter(JsonGenerator g, String url, int total, boolean hasMore) throws IOException {
        g.writeEndArray();
        g.writeStringField("url", url);
        g.writeNumberField("total_count", total);
        g.writeBooleanField("has_more", hasMore);
        g.writeEndObject();
    }

    private static void writeRef(JsonGenerator g, String type, String id, String url) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        g.writeStringField("id", id);
        g.writeStringField("url", url);
        g.writeEndObject();
    }

    /** When tag j was applied to the contact: hours after creation, never after the last update. */
    long tagAppliedAt(int i, int j) {
        return Math.min(contacts.updatedAt(i), contacts.createdAt(i) + (j + 1) * 3571L);
    }

    /** A user's event summary; leads have none here. Times are ISO strings with an offset, as Intercom sends them. */
    void writeEventSummary(JsonGenerator g, int i) throws IOException {
        boolean user = "user".equals(role(i));
        g.writeStartObject();
        g.writeStringField("type", "event.summary");
        g.writeStringField("email", email(i));
        g.writeStringField("intercom_user_id", ws.contactId(i));
        g.writeStringField("user_id", externalId(i));
        g.writeArrayFieldStart("events");
        int n = user ? ws.links().contactEventCount(i) : 0;
        long created = contacts.createdAt(i);
        long updated = contacts.updatedAt(i);
        for (int j = 0; j < n; j++) {
            String name = Vocabulary.EVENT_NAMES[ws.links().contactEvent(i, j)];
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("first", isoWithOffset(created + (updated - created) * j / (n + 1)));
            g.writeStringField("last", isoWithOffset(updated));
            g.writeNumberField("count", ws.links().contactEventTimes(i, j));
            g.writeStringField("description", null);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String isoWithOffset(long epochSeconds) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
                .format(java.time.Instant.ofEpochSecond(epochSeconds).atOffset(java.time.ZoneOffset.UTC));
    }
}
