package io.tapintercom.singer;

/** stdout cannot be written any more: whoever read it (a target, or a pipe such as | head) has gone. */
public final class OutputClosedException extends RuntimeException {
    public OutputClosedException(Throwable cause) {
        super("stdout was closed by the process reading it (a target that stopped, or a pipe such as | head)", cause);
    }
}
