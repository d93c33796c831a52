package io.tapintercom.intercom;

import io.tapintercom.singer.Log;

/**
 * Intercom refused a request, or kept failing it until the retries ran out. The message holds the
 * endpoint, the status and Intercom's own error code and message, never a header.
 */
public class IntercomApiException extends RuntimeException {
    private final int status;
    private final String code;

    public IntercomApiException(String message, int status, String code) {
        // The message quotes Intercom's (or a proxy's) error body, which can echo the request's headers back:
        // redact registered secrets here, since an exception message can be printed without going through Log.
        super(Log.redact(message));
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
