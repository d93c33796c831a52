package io.tapintercom.sync;

import io.tapintercom.intercom.ResourceUnavailableException;

/**
 * Intercom refused the resource a stream group reads (403) or does not have it (404): the message is
 * the one line a user reads, naming the streams, the request, the status and what probably lacks.
 */
public final class StreamUnreadableException extends RuntimeException {
    StreamUnreadableException(String line, ResourceUnavailableException cause) {
        super(line, cause);
    }
}
