package io.tapintercom.singer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Singer METRIC lines ({@code INFO METRIC: {"type":..,"metric":..,"value":..,"tags":{..}}}), the form Meltano and
 * singer-tools read. The only place that writes them: the JSON is built by Jackson, so any tag value is escaped.
 */
public final class Metrics {
    private final Logger log;

    public Metrics(Logger log) {
        this.log = log;
    }

    /** A duration in seconds, e.g. http_request_duration. */
    public void timer(String metric, double seconds, Map<String, ?> tags) {
        write("timer", metric, Json.MAPPER.getNodeFactory().numberNode(seconds), tags);
    }

    /** A count, e.g. record_count. */
    public void counter(String metric, long value, Map<String, ?> tags) {
        write("counter", metric, Json.MAPPER.getNodeFactory().numberNode(value), tags);
    }

    private void write(String type, String metric, com.fasterxml.jackson.databind.JsonNode value, Map<String, ?> tags) {
        if (!log.enabled(Logger.Level.INFO)) {
            return;
        }
        ObjectNode line = Json.object().put("type", type).put("metric", metric);
        line.set("value", value);
        line.set("tags", Json.MAPPER.valueToTree(tags));
        log.info("METRIC: %s", line.toString());
    }
}
