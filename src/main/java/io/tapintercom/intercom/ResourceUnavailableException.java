package io.tapintercom.intercom;

/**
 * Intercom refused one resource (403) or does not have it (404): retrying cannot help, but other
 * resources may well be readable, so a sync can finish its other streams. {@code request} is the
 * request as it reads in logs ("POST /tickets/search") and {@code likelyCause} what probably lacks.
 */
public final class ResourceUnavailableException extends IntercomApiException {
    private final String request;
    private final String likelyCause;

    public ResourceUnavailableException(String message, int status, String code, String request, String likelyCause) {
        super(message, status, code);
        this.request = request;
        this.likelyCause = likelyCause;
    }

    public String request() {
        return request;
    }

    public String likelyCause() {
        return likelyCause;
    }
}
