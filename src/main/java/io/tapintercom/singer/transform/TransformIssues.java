package io.tapintercom.singer.transform;

import io.tapintercom.singer.Logger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports what the transformer could not keep or convert: once per stream and field, so a new
 * Intercom field or a misfit value is noticed without flooding the log.
 */
public final class TransformIssues {
    private final Logger log;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final AtomicLong droppedFields = new AtomicLong();
    private final AtomicLong misfits = new AtomicLong();

    public TransformIssues(Logger log) {
        this.log = log;
    }

    void unknownField(String stream, String path) {
        droppedFields.incrementAndGet();
        if (reported.add("unknown:" + stream + ":" + path)) {
            log.warn("stream %s: field \"%s\" is not in the schema and is left out of the records"
                    + " (add it to schemas/%s.json to keep it)", stream, path, stream);
        }
    }

    void misfit(String stream, String path, String recordId, String found, String expected) {
        misfits.incrementAndGet();
        if (reported.add("misfit:" + stream + ":" + path)) {
            log.warn("stream %s: field \"%s\" of record %s holds %s where the schema expects %s;"
                    + " it is passed on unchanged", stream, path, recordId, found, expected);
        }
    }

    public long droppedFields() {
        return droppedFields.get();
    }

    public long misfits() {
        return misfits.get();
    }
}
