package io.tapintercom.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.intercom.IntercomClient;
import java.util.List;

/** How a child stream's records are read for one parent record (one or more requests per parent). */
public interface ChildSource {
    /** The child records of this parent, already carrying the parent's key. */
    List<JsonNode> fetch(IntercomClient client, JsonNode parent);

    /** False when the parent itself shows it has no children, saving the request. */
    default boolean needed(JsonNode parent) {
        return true;
    }
}
