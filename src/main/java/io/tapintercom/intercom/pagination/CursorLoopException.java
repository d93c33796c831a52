package io.tapintercom.intercom.pagination;

/** A search handed back a cursor it had already given: paging on would go round in circles. */
public final class CursorLoopException extends RuntimeException {
    public CursorLoopException(String message) {
        super(message);
    }
}
