package io.tapintercom.intercom.http;

/** The host name of the URL does not resolve: nothing was sent, and retrying at once rarely helps. */
public final class UnresolvedHostException extends NotSentException {
    private final String host;

    public UnresolvedHostException(String host, Throwable cause) {
        super("the host \"" + host + "\" does not resolve", cause);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
