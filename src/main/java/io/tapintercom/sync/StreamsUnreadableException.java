package io.tapintercom.sync;

import java.util.List;

/**
 * The sync finished every stream it could, but Intercom refused the resources of some: one line per
 * stream, naming the status and what probably lacks. The STATE written stands; the next run resumes them.
 */
public final class StreamsUnreadableException extends RuntimeException {
    private final List<String> lines;

    StreamsUnreadableException(List<String> lines) {
        super(String.join("; ", lines));
        this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
        return lines;
    }
}
