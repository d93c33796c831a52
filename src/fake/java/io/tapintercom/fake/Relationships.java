package io.tapintercom.fake;

/**
 * Who is linked to whom (a contact's tags, notes, companies, segments, subscriptions and events; a company's tags and
 * segments), derived from the seed alone so nothing is stored. Certain index patterns guarantee the awkward cases an extractor must handle.
 */
final class Relationships {
    private final long seed;
    private final WorkspaceProfile profile;

    Relationships(long seed, WorkspaceProfile profile) {
        this.seed = seed;
        this.profile = profile;
    }

    /** Contacts with index % 50 == 7 carry 11-24 tags, more than the 10 a contact embeds. */
    int contactTagCount(int contact) {
        int n;
        if (contact % 50 == 7) {
            n = 11 + Mix.pick(seed, Mix.CONTACT, contact, 10, 14);
        } else {
            int r = Mix.pick(seed, Mix.CONTACT, contact, 10, 100);
            n = r < 45 ? 0 : r < 70 ? 1 : r < 85 ? 2 : r < 95 ? 3 : 4 + r % 3;
        }
        return Math.min(n, profile.tags());
    }

    int contactTag(int contact, int j) {
        return (Mix.pick(seed, Mix.CONTACT, contact, 11, profile.tags()) + j) % profile.tags();
    }

    /** Contacts with index % 40 == 5 carry 12-15 notes, so the notes endpoint pages. */
    int contactNoteCount(int contact) {
        if (contact % 40 == 5) {
            return 12 + Mix.pick(seed, Mix.CONTACT, contact, 12, 4);
        }
        int r = Mix.pick(seed, Mix.CONTACT, contact, 12, 100);
        return r < 60 ? 0 : r < 85 ? 1 : 2;
    }

    /** Contacts with index % 100 == 13 belong to 12 companies (fewer if the workspace has fewer). */
    int contactCompanyCount(int contact) {
        int n;
        if (contact % 100 == 13) {
            n = 12;
        } else {
            int r = Mix.pick(seed, Mix.CONTACT, contact, 13, 100);
            n = r < 30 ? 0 : r < 85 ? 1 : 2;
        }
        return Math.min(n, profile.companies());
    }

    int contactCompany(int contact, int j) {
        return (Mix.pick(seed, Mix.CONTACT, contact, 14, profile.companies()) + j) % profile.companies();
    }

    /** Every third segment (index % 3 == 2) is a company segment: GET /segments?type=company lists those. */
    boolean isCompanySegment(int segment) {
        return segment % 3 == 2;
    }

    private int companySegmentTotal() {
        return profile.segments() / 3;
    }

    int companySegmentCount(int company) {
        return Math.min(Mix.pick(seed, Mix.COMPANY, company, 10, 3), companySegmentTotal());
    }

    int companySegment(int company, int j) {
        int total = companySegmentTotal();
        return ((Mix.pick(seed, Mix.COMPANY, company, 11, total) + j) % total) * 3 + 2;
    }

    int companyTagCount(int company) {
        return Math.min(Mix.pick(seed, Mix.COMPANY, company, 12, 3), profile.tags());
    }

    int companyTag(int company, int j) {
        return (Mix.pick(seed, Mix.COMPANY, company, 13, profile.tags()) + j) % profile.tags();
    }

    /** Person segments (index % 3 != 2) a contact is in: 0-2 of them. */
    int contactSegmentCount(int contact) {
        int personSegments = profile.segments() - companySegmentTotal();
        return Math.min(Mix.pick(seed, Mix.CONTACT, contact, 15, 3), personSegments);
    }

    int contactSegment(int contact, int j) {
        int personSegments = profile.segments() - companySegmentTotal();
        int k = (Mix.pick(seed, Mix.CONTACT, contact, 16, personSegments) + j) % personSegments;
        return k / 2 * 3 + k % 2;
    }

    /** Which of the workspace's subscription types the contact chose explicitly: bit k for type k. */
    int contactSubscriptionChoices(int contact) {
        return Mix.pick(seed, Mix.CONTACT, contact, 17, 1 << CatalogRenderer.subscriptionTypeCount());
    }

    /** Distinct events a user has sent (leads send none through this fake): 0-3. */
    int contactEventCount(int contact) {
        return Mix.pick(seed, Mix.CONTACT, contact, 18, 4);
    }

    int contactEvent(int contact, int j) {
        return (Mix.pick(seed, Mix.CONTACT, contact, 19, Vocabulary.EVENT_NAMES.length) + j) % Vocabulary.EVENT_NAMES.length;
    }

    int contactEventTimes(int contact, int j) {
        return 1 + Mix.pick(seed, Mix.CONTACT, contact, 30 + j, 40);
    }
}
