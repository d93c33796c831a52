package io.tapintercom.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How a child stream's records are read for one parent record: with requests of their own (one or
 * more per parent), or taken from the parent record itself at no request.
 */
public interface ChildSource {
    /** The child records of this parent, already carrying the parent's key. */
    List<JsonNode> fetch(ParentRecord parent);

    /** False when the parent itself shows it has no children, saving the request. */
    default boolean needed(JsonNode parent) {
        return true;
    }

    /** Whether reading the children costs requests per parent (false: they come from records already read). */
    default boolean requestsPerParent() {
        return true;
    }

    /** The same source labelled with its stream's name (in metrics and errors), so a declaration names a stream once. */
    default ChildSource named(String stream) {
        return this;
    }
}
