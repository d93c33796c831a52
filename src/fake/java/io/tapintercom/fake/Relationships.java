package io.tapintercom.fake;

/**
 * Who is linked to whom (a contact's tags, notes and companies; a company's tags and segments), derived from the
 * seed alone so nothing is stored. Certain index patterns guarantee the awkward cases an extractor must handle.
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
}
