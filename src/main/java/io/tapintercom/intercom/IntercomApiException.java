package io.tapintercom.intercom;

/**
 * Intercom refused a request, or kept failing it until the retries ran out. The message holds the
 * endpoint, the status and Intercom's own error code and message (secrets masked: see ErrorBody), never a header.
 */
public class IntercomApiException extends RuntimeException {
    private final int status;
    private final String code;

    public IntercomApiException(String message, int status, String code) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The token itself was refused: no request of this run can succeed, whatever it asks for. */
    public boolean isTokenRejected() {
        return status == 401;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
