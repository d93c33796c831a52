package io.tapintercom.intercom.http;

import java.io.IOException;

/**
 * The request never reached a server (connection refused, no connection within the connect timeout):
 * nothing can have happened on Intercom's side, so even a request that must not be repeated after it
 * was processed (a scroll page, whose cursor moves) can be sent again as it is.
 */
public class NotSentException extends IOException {
    public NotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
