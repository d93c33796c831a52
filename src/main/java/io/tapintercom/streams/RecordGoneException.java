package io.tapintercom.streams;

/**
 * The record a list or search returned is gone when read whole (404: deleted or merged since). The
 * engine writes a deletion record for it instead of the record, and reads none of its children.
 */
public final class RecordGoneException extends RuntimeException {
    public RecordGoneException(String message) {
        super(message, null, false, false);
    }
}
