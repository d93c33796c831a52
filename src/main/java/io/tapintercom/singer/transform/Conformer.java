package io.tapintercom.singer.transform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.RecordEncoder;
import io.tapintercom.singer.transform.SchemaTypes.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One schema node compiled for conforming values: converts what converts without loss (epoch
 * seconds to RFC 3339, integral floats and numeric strings to integers, scalars to strings), drops
 * fields the schema does not know, and reports, without changing it, anything else.
 */
final class Conformer {
    private static final java.time.Instant MIN_INSTANT = java.time.Instant.parse("0000-01-01T00:00:00Z");
    private static final java.time.Instant MAX_INSTANT = java.time.Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final BigDecimal MAX_EPOCH = BigDecimal.valueOf(MAX_INSTANT.toEpochMilli());
    private static final long MAX_EPOCH_LONG = MAX_INSTANT.toEpochMilli();

    private final String path;
    private final SchemaTypes types;
    private final Map<String, Conformer> properties = new LinkedHashMap<>();
    /** Null: unknown fields are dropped. Otherwise the conformer for fields not named in properties. */
    private final Conformer additional;
    private final Conformer items;
    /** Any value goes out as it came: the schema says nothing of it. Worked out once, asked for every value. */
    private final boolean passThrough;
    private final boolean allowsObject;
    private final boolean allowsArray;
    /** Which scalars conform returns unchanged, worked out once: those are written without asking it. */
    private final boolean textAsIs;
    private final boolean wholeNumberAsIs;
    private final boolean booleanAsIs;
    private final boolean nullAsIs;

    private Conformer(String path, JsonNode schema) {
        this.path = path;
        this.types = SchemaTypes.of(schema);
        schema.path("properties").fields().forEachRemaining(
                field -> properties.put(field.getKey(), new Conformer(child(path, field.getKey()), field.getValue())));
        JsonNode extra = schema.get("additionalProperties");
        if (extra != null && extra.isObject()) {
            additional = new Conformer(child(path, "*"), extra);
        } else if (extra != null && extra.isBoolean() && extra.booleanValue()) {
            additional = new Conformer(child(path, "*"), Json.object());
        } else {
            additional = null;
        }
        JsonNode itemSchema = schema.get("items");
        items = itemSchema != null && itemSchema.isObject() ? new Conformer(path + "[]", itemSchema) : null;
        passThrough = types.any() && properties.isEmpty() && items == null;
        allowsObject = types.allows(Kind.OBJECT);
        allowsArray = types.allows(Kind.ARRAY);
        textAsIs = !types.dateTime() && types.allows(Kind.STRING);
        wholeNumberAsIs = !types.dateTime() && (types.allows(Kind.INTEGER) || types.allows(Kind.NUMBER));
        booleanAsIs = types.allows(Kind.BOOLEAN);
        nullAsIs = types.allows(Kind.NULL);
    }

    static Conformer compile(JsonNode schema) {
        return new Conformer("", schema);
    }

    Map<String, Conformer> properties() {
        return properties;
    }

    private static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    JsonNode conform(JsonNode value, Context context) {
        if (passThrough) {
            return value;
        }
        switch (value.getNodeType()) {
            case NULL: case MISSING: return conformNull(value, context);
            case NUMBER: return conformNumber(value, context);
            case STRING: return conformText(value, context);
            case BOOLEAN: return conformBoolean(value, context);
            case OBJECT: return allowsObject ? conformObject((ObjectNode) value, context) : misfit(value, context);
            case ARRAY: return allowsArray ? conformArray((ArrayNode) value, context) : misfit(value, context);
            default: return misfit(value, context);
        }
    }

    /**
     * Writes what {@link #conform} returns, without building it: objects and arrays are written as they are
     * walked, each scalar conformed on its own. The same rules, the same reports, one copy fewer.
     */
    void write(JsonNode value, JsonGenerator g, Context context) throws IOException {
        if (passThrough) {
            RecordEncoder.writeTree(value, g);
        } else if (value.isObject() && allowsObject) {
            writeObject((ObjectNode) value, g, context);
        } else if (value.isArray() && allowsArray && items != null) {
            g.writeStartArray();
            for (JsonNode item : value) {
                items.write(item, g, context);
            }
            g.writeEndArray();
        } else if (unchangedByConform(value)) {
            RecordEncoder.writeTree(value, g);
        } else if (!writtenAsDateTime(value, g)) {
            RecordEncoder.writeTree(conform(value, context), g);
        }
    }

    /** Whether conform would return this scalar unchanged (most of a record's values), worked out without it. */
    private boolean unchangedByConform(JsonNode value) {
        switch (value.getNodeType()) {
            case STRING: return textAsIs;
            case NUMBER: return wholeNumberAsIs && value.isIntegralNumber() && value.canConvertToLong();
            case BOOLEAN: return booleanAsIs;
            case NULL: return nullAsIs;
            default: return false;
        }
    }

    /**
     * The commonest conversion, an epoch of whole seconds to a date-time, written as its bytes: what conform gives
     * for it, without making a string and encoding it again. False, with nothing written, for anything else.
     */
    private boolean writtenAsDateTime(JsonNode value, JsonGenerator g) throws IOException {
        if (!types.dateTime() || !value.isIntegralNumber() || !value.canConvertToLong()) {
            return false;
        }
        long epoch = value.longValue();
        if (!withinEpochRange(epoch)) {
            return false;
        }
        byte[] text = DateTimes.ascii(DateTimes.fromEpoch(epoch));
        if (text == null) {
            return false; // a year beyond the hand-written format: conform decides
        }
        g.writeRawUTF8String(text, 0, text.length);
        return true;
    }

    private void writeObject(ObjectNode value, JsonGenerator g, Context context) throws IOException {
        g.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Conformer conformer = conformerFor(field.getKey(), context);
            if (conformer == null) {
                continue;
            }
            g.writeFieldName(field.getKey());
            conformer.write(field.getValue(), g, context);
        }
        g.writeEndObject();
    }

    /** The conformer of a field: its property's, or the additional properties'; null (reported) if neither. */
    private Conformer conformerFor(String key, Context context) {
        Conformer conformer = properties.getOrDefault(key, additional);
        if (conformer == null) {
            context.issues().unknownField(context.stream(), child(path, key));
        }
        return conformer;
    }

    /** Conforms the fields of an object; {@code keep} decides which top-level fields go out at all. */
    ObjectNode conformObject(ObjectNode value, Context context) {
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Conformer conformer = conformerFor(field.getKey(), context);
            if (conformer == null) {
                continue;
            }
            out.set(field.getKey(), conformer.conform(field.getValue(), context));
        }
        return out;
    }

    private JsonNode conformArray(ArrayNode value, Context context) {
        if (items == null) {
            return value;
        }
        ArrayNode out = Json.array();
        value.forEach(item -> out.add(items.conform(item, context)));
        return out;
    }

    private JsonNode conformNull(JsonNode value, Context context) {
        return types.allows(Kind.NULL) ? Json.object().nullNode() : misfit(Json.object().nullNode(), context);
    }

    private JsonNode conformNumber(JsonNode value, Context context) {
        if (value.canConvertToLong() && value.isIntegralNumber()) {
            JsonNode whole = conformWholeNumber(value, value.longValue(), context);
            if (whole != null) {
                return whole;
            }
        }
        BigDecimal number = value.decimalValue();
        if (types.dateTime()) {
            // Only epochs that land in years 0000-9999: beyond them the formatter writes "+12345-..." (not
            // RFC 3339), and an epoch beyond a long would wrap to some arbitrary date without a word.
            if (number.abs().compareTo(MAX_EPOCH) > 0) {
                return misfit(value, context);
            }
            java.time.Instant instant = DateTimes.fromEpoch(number);
            return instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)
                    ? misfit(value, context) : TextNode.valueOf(DateTimes.format(instant));
        }
        if (types.allows(Kind.INTEGER) && isIntegral(number)) {
            return value.isIntegralNumber() ? value : integerNode(number);
        }
        if (types.allows(Kind.NUMBER)) {
            return value;
        }
        if (types.allows(Kind.STRING)) {
            return TextNode.valueOf(value.isIntegralNumber() ? value.asText() : number.toPlainString());
        }
        return misfit(value, context);
    }

    /**
     * The common case, an integral number within a long, without going through BigDecimal: the same answers
     * as below. Null when the general path must decide.
     */
    private JsonNode conformWholeNumber(JsonNode value, long number, Context context) {
        if (types.dateTime()) {
            if (!withinEpochRange(number)) {
                return null;
            }
            java.time.Instant instant = DateTimes.fromEpoch(number);
            return instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)
                    ? misfit(value, context) : TextNode.valueOf(DateTimes.format(instant));
        }
        if (types.allows(Kind.INTEGER) || types.allows(Kind.NUMBER)) {
            return value;
        }
        return null;
    }

    private JsonNode conformText(JsonNode value, Context context) {
        String text = value.asText();
        if (types.dateTime()) {
            Optional<java.time.Instant> instant = DateTimes.parse(text);
            if (instant.isPresent()) {
                return TextNode.valueOf(DateTimes.format(instant.get()));
            }
            if (text.isEmpty() && types.allows(Kind.NULL)) {
                return Json.object().nullNode();
            }
            return misfit(value, context);
        }
        if (types.allows(Kind.STRING)) {
            return value;
        }
        Optional<BigDecimal> number = parseNumber(text);
        if (number.isPresent() && types.allows(Kind.INTEGER) && isIntegral(number.get())) {
            return integerNode(number.get());
        }
        if (number.isPresent() && types.allows(Kind.NUMBER)) {
            return DecimalNode.valueOf(number.get());
        }
        if (types.allows(Kind.BOOLEAN) && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return BooleanNode.valueOf(Boolean.parseBoolean(text));
        }
        if (text.isEmpty() && types.allows(Kind.NULL)) {
            return Json.object().nullNode();
        }
        return misfit(value, context);
    }

    private JsonNode conformBoolean(JsonNode value, Context context) {
        if (types.allows(Kind.BOOLEAN)) {
            return value;
        }
        if (types.allows(Kind.STRING) && !types.dateTime()) {
            return TextNode.valueOf(value.asText());
        }
        return misfit(value, context);
    }

    private JsonNode misfit(JsonNode value, Context context) {
        String found = value.getNodeType() == JsonNodeType.MISSING ? "nothing" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        context.issues().misfit(context.stream(), path, context.recordId().get(), found,
                types.describe() + (types.dateTime() ? " (date-time)" : ""));
        return value;
    }

    /**
     * At most the last millisecond of the year 9999 in epoch milliseconds, either side of zero; beyond it the general
     * path decides.
     */
    private static boolean withinEpochRange(long epoch) {
        return epoch <= MAX_EPOCH_LONG && epoch >= -MAX_EPOCH_LONG;
    }

    private static boolean isIntegral(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static JsonNode integerNode(BigDecimal number) {
        try {
            return LongNode.valueOf(number.longValueExact());
        } catch (ArithmeticException tooBig) {
            return Json.MAPPER.getNodeFactory().numberNode(number.toBigIntegerExact());
        }
    }

    private static Optional<BigDecimal> parseNumber(String text) {
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * What a conformer needs to know of the record at hand, for its reports. The record's id is worked out only
     * when a report needs it, not for every record.
     */
    record Context(String stream, Supplier<String> recordId, TransformIssues issues) {
        Context(String stream, String recordId, TransformIssues issues) {
            this(stream, () -> recordId, issues);
        }
    }
}
