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
        }
    }
}
