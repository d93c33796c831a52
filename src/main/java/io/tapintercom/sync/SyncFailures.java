package io.tapintercom.sync;

import java.util.List;

/**
 * Several stream groups failed while the others ran to the end. Each failure is one line; the STATE
 * written stands, so the next run resumes every stream from its own bookmark.
 */
public final class SyncFailures extends RuntimeException {
    private final List<RuntimeException> failures;

    SyncFailures(List<RuntimeException> failures) {
        super(failures.size() + " streams failed");
        this.failures = List.copyOf(failures);
    }

    public List<RuntimeException> failures() {
        return failures;
    }
}
