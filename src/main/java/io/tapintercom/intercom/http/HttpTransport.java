package io.tapintercom.intercom.http;

import java.io.IOException;

/**
 * The one seam between the client and the network. Implementations send a call and return whatever
 * status came back; a timeout, a reset or a body cut short is an {@link IOException}.
 */
@FunctionalInterface
public interface HttpTransport {
    HttpReply send(HttpCall call) throws IOException;
}
