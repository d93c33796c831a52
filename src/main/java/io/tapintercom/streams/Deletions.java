package io.tapintercom.streams;

import io.tapintercom.intercom.IntercomApiException;
import io.tapintercom.singer.Logger;
import java.util.function.Supplier;

/**
 * The one rule for reads about a record already listed: an object deleted since answers 404, which
 * means "gone", never a failed sync. Any other error still fails.
 */
public final class Deletions {
    private Deletions() {}

    /**
     * @param log       where the warning goes
     * @param what      the object, for the warning (e.g. "contact 123")
     * @param otherwise what happens instead, for the warning (e.g. "skipped")
     */
    public static <T> T unlessDeleted(Logger log, Supplier<T> read, T fallback, String what, String otherwise) {
        try {
            return read.get();
        } catch (IntercomApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            log.warn("%s no longer exists (%s); %s", what, e.getMessage(), otherwise);
            return fallback;
        } catch (RecordGoneException e) {
            log.warn("%s no longer exists (%s); %s", what, e.getMessage(), otherwise);
            return fallback;
        }
    }

    /**
     * Reads about a record the stream itself writes: deleted since it was listed, it is reported as
     * deleted ({@link RecordGoneException}) rather than written as the list showed it.
     * @param log  where the warning goes
     * @param what the object, for the warning (e.g. "contact 123")
     */
    public static <T> T orGone(Logger log, Supplier<T> read, String what) {
        try {
            return read.get();
        } catch (IntercomApiException e) {
            // 410 contact_merged is how Preview says a contact was merged into another.
            if (!e.isNotFound() && e.status() != 410) {
                throw e;
            }
            log.warn("%s no longer exists (%s); it is written as deleted", what, e.getMessage());
            throw new RecordGoneException(what + " no longer exists");
        }
    }
}
