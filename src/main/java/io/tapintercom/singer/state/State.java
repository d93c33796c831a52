package io.tapintercom.singer.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Singer state as an immutable value: {"currently_syncing": S|null, "bookmarks": {S: {key: value}}}.
 * Every change returns a new State, so a STATE message once written can never change underneath.
 * Keys other than these two are kept as they came, for whoever wrote them.
 */
public final class State {
    private static final String BOOKMARKS = "bookmarks";
    private static final String CURRENTLY_SYNCING = "currently_syncing";
    /** The key a legacy flat bookmark ({"bookmarks": {"companies": "2021-..."}}) stood for. */
    private static final String LEGACY_KEY = "updated_at";

    private final ObjectNode json;

    private State(ObjectNode json) {
        this.json = json;
    }

    public static State empty() {
        ObjectNode json = Json.object();
        json.putObject(BOOKMARKS);
        return new State(json);
    }

    /**
     * Reads a state document, including singer-io/tap-intercom's older flat form, Meltano's
     * {"singer_state": {...}} wrapper and a whole STATE message (the last line of a tap's output, saved as
     * is). Throws {@link IllegalArgumentException} naming what is wrong.
     */
    public static State fromJson(JsonNode node) {
        if (node == null || node.isNull() || (node.isObject() && node.isEmpty())) {
            return empty();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("state must be a JSON object");
        }
        JsonNode source = node.has("singer_state") && !node.has(BOOKMARKS) ? node.get("singer_state") : node;
        if ("STATE".equals(node.path("type").asText()) && node.has("value") && !node.has(BOOKMARKS)) {
            source = node.get("value");
        }
        if (!source.isObject()) {
            throw new IllegalArgumentException("state must be a JSON object");
        }
        ObjectNode json = ((ObjectNode) source).deepCopy();
        JsonNode bookmarks = json.get(BOOKMARKS);
        if (bookmarks == null || bookmarks.isNull()) {
            json.putObject(BOOKMARKS);
        } else if (!bookmarks.isObject()) {
            throw new IllegalArgumentException("state: \"bookmarks\" must be an object");
        } else {
            upgradeFlatBookmarks((ObjectNode) bookmarks);
        }
        JsonNode syncing = json.get(CURRENTLY_SYNCING);
        if (syncing != null && !syncing.isNull() && !syncing.isTextual()) {
            throw new IllegalArgumentException("state: \"currently_syncing\" must be a stream name or null");
        }
        return new State(json);
    }

    private static void upgradeFlatBookmarks(ObjectNode bookmarks) {
        for (Iterator<Map.Entry<String, JsonNode>> it = bookmarks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                entry.setValue(Json.object().put(LEGACY_KEY, value.asText()));
            } else if (!value.isObject() && !value.isNull()) {
                throw new IllegalArgumentException("state: the bookmark of stream \"" + entry.getKey() + "\" must be an object");
            }
        }
    }

    public JsonNode toJson() {
        return json.deepCopy();
    }

    public Optional<String> currentlySyncing() {
        return Optional.ofNullable(Json.text(json, CURRENTLY_SYNCING));
    }

    public Optional<JsonNode> bookmark(String stream, String key) {
        JsonNode value = json.path(BOOKMARKS).path(stream).get(key);
        // A copy: an object bookmark (an offset) handed out as-is could be changed by the caller,
        // and with it every STATE later written from this supposedly immutable value.
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.deepCopy());
    }

    public State withBookmark(String stream, String key, JsonNode value) {
        ObjectNode copy = json.deepCopy();
        ObjectNode bookmarks = (ObjectNode) copy.get(BOOKMARKS);
        JsonNode current = bookmarks.get(stream);
        ObjectNode streamBookmark = current instanceof ObjectNode ? (ObjectNode) current : bookmarks.putObject(stream);
        // A copy, for the same reason: the caller may go on changing the node it passed in.
        streamBookmark.set(key, value == null ? NullNode.getInstance() : value.deepCopy());
        return new State(copy);
    }

    /** The state without the stream's bookmark {@code key}; the same state if it has none. */
    public State withoutBookmark(String stream, String key) {
        JsonNode current = json.path(BOOKMARKS).get(stream);
        if (!(current instanceof ObjectNode) || !current.has(key)) {
            return this;
        }
        ObjectNode copy = json.deepCopy();
        ((ObjectNode) copy.get(BOOKMARKS).get(stream)).remove(key);
        return new State(copy);
    }

    public State withCurrentlySyncing(String stream) {
        ObjectNode copy = json.deepCopy();
        if (stream == null) {
            copy.putNull(CURRENTLY_SYNCING);
        } else {
            copy.put(CURRENTLY_SYNCING, stream);
        }
        return new State(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof State && ((State) other).json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
