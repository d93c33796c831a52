package io.tapintercom.fake;

/** The transport and server faults the fake can inject. */
public enum FaultKind {
    /** 503 with a JSON error body. */
    SERVER_ERROR,
    /** Headers announce the full Content-Length, half the body is written, then the connection closes. */
    TRUNCATED_BODY,
    /** The connection closes without any response. */
    DROPPED_CONNECTION,
    /** A company scroll page answered 500 "Please restart the scroll operation"; the scroll is closed. */
    SCROLL_FAILURE
}
