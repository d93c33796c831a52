package io.tapintercom.singer;

import java.util.Map;

/**
 * Singer METRIC lines ({@code INFO METRIC: {"type":..,"metric":..,"value":..,"tags":{..}}}), the form Meltano and
 * singer-tools read. The only place that writes them. One is written per request, so the line is put together
 * as text rather than through a JSON tree (which cost some 8% of a sync's CPU); strings are escaped as JSON.
 */
public final class Metrics {
    private final Logger log;

    public Metrics(Logger log) {
        this.log = log;
    }

    /** A duration in seconds, e.g. http_request_duration. */
    public void timer(String metric, double seconds, Map<String, ?> tags) {
        write("timer", metric, literal(seconds), tags);
    }

    /** A count, e.g. record_count. */
    public void counter(String metric, long value, Map<String, ?> tags) {
        write("counter", metric, Long.toString(value), tags);
    }

    private void write(String type, String metric, String value, Map<String, ?> tags) {
        if (!log.enabled(Logger.Level.INFO)) {
            return;
        }
        StringBuilder line = new StringBuilder(160).append("METRIC: {\"type\":").append(Json.quote(type))
                .append(",\"metric\":").append(Json.quote(metric)).append(",\"value\":").append(value).append(",\"tags\":{");
        String separator = "";
        for (Map.Entry<String, ?> tag : tags.entrySet()) {
            line.append(separator).append(Json.quote(tag.getKey())).append(':').append(literal(tag.getValue()));
            separator = ",";
        }
        log.info(line.append("}}").toString());
    }

    /** A value as JSON: numbers and booleans as they are, NaN and infinities (not JSON) as null, the rest quoted. */
    private static String literal(Object value) {
        if (value instanceof Double number && !Double.isFinite(number)) {
            return "null";
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return Json.quote(value.toString());
    }
}
