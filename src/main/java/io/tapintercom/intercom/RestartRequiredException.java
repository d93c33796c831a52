package io.tapintercom.intercom;

/**
 * A request marked restartable (a scroll page) failed in a way after which Intercom may have moved its
 * cursor: asking again with the same cursor could skip a page, so its reader must start over.
 */
public final class RestartRequiredException extends IntercomApiException {
    public RestartRequiredException(String message, int status, String code) {
        super(message, status, code);
    }
}
