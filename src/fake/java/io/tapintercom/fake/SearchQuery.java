package io.tapintercom.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A parsed search "query": AND/OR groups (at most 2 levels, at most 15 entries per group) of field filters. Besides
 * the predicate it keeps the ranges the query allows on the sort field; when those ranges say everything ("exact"),
 * counting and paging need no per-record evaluation at all.
 */
final class SearchQuery {
    static final int MAX_GROUP_DEPTH = 2;
    static final int MAX_FILTERS_PER_GROUP = 15;

    private final IntPredicate predicate;
    private final Intervals sortRange;
    private final boolean exact;

    private SearchQuery(IntPredicate predicate, Intervals sortRange, boolean exact) {
        this.predicate = predicate;
        this.sortRange = sortRange;
        this.exact = exact;
    }

    boolean test(int index) {
        return predicate.test(index);
    }

    /** Values of the sort field the query can match (a superset unless {@link #exact()}). */
    Intervals sortRange() {
        return sortRange;
    }

    /** True when {@link #sortRange()} alone decides a match. */
    boolean exact() {
        return exact;
    }

    static SearchQuery matchAll() {
        return new SearchQuery(i -> true, Intervals.all(), true);
    }

    static SearchQuery parse(JsonNode query, Map<String, SearchField> fields, DateSemantics dates, String sortField)
            throws ApiException {
        if (query == null || query.isNull()) {
            return matchAll();
        }
        return new Parser(fields, dates, sortField).node(query, 0);
    }

    private static final class Parser {
        private final Map<String, SearchField> fields;
        private final DateSemantics dates;
        private final String sortField;

        Parser(Map<String, SearchField> fields, DateSemantics dates, String sortField) {
            this.fields = fields;
            this.dates = dates;
            this.sortField = sortField;
        }

        SearchQuery node(JsonNode node, int depth) throws ApiException {
            if (!node.isObject()) {
                throw invalid("query must be an object");
            }
            if (node.has("field")) {
                return filter(node);
            }
            String op = text(node.get("operator"));
            JsonNode value = node.get("value");
            if (op == null || value == null || !value.isArray()) {
                throw invalid("each query object needs either field/operator/value or operator AND|OR with a list");
            }
            if (!op.equals("AND") && !op.equals("OR")) {
                throw invalid("unsupported group operator " + op);
            }
            if (depth + 1 > MAX_GROUP_DEPTH) {
                throw invalid("There's a limit of max " + MAX_GROUP_DEPTH + " nested filters");
            }
            if (value.size() > MAX_FILTERS_PER_GROUP) {
                throw invalid("There's a limit of max " + MAX_FILTERS_PER_GROUP + " filters for each AND or OR group");
            }
            List<SearchQuery> children = new ArrayList<>();
            for (JsonNode child : value) {
                children.add(node(child, depth + 1));
            }
            return op.equals("AND") ? and(children) : or(children);
        }

        private static SearchQuery and(List<SearchQuery> children) {
            Intervals range = Intervals.all();
            boolean exact = true;
            for (SearchQuery c : children) {
                range = range.intersect(c.sortRange);
                exact &= c.exact;
            }
            IntPredicate[] ps = children.stream().map(c -> c.predicate).toArray(IntPredicate[]::new);
            return new SearchQuery(i -> {
                for (IntPredicate p : ps) {
                    if (!p.test(i)) {
                        return false;
                    }
                }
                return true;
            }, range, exact);
        }

        private static SearchQuery or(List<SearchQuery> children) {
            Intervals range = Intervals.none();
            boolean exact = true;
            for (SearchQuery c : children) {
                range = range.union(c.sortRange);
                exact &= c.exact;
            }
            IntPredicate[] ps = children.stream().map(c -> c.predicate).toArray(IntPredicate[]::new);
            return new SearchQuery(i -> {
                for (IntPredicate p : ps) {
                    if (p.test(i)) {
                        return true;
                    }
                }
                return false;
            }, range, exact);
        }

        private SearchQuery filter(JsonNode node) throws ApiException {
            String name = text(node.get("field"));
            String op = text(node.get("operator"));
            JsonNode value = node.get("value");
            SearchField field = name == null ? null : fields.get(name);
            if (field == null) {
                throw new ApiException(400, "invalid_field", name + " is not a valid search field");
            }
            if (op == null) {
                throw invalid("filter on " + name + " has no operator");
            }
            switch (field.type()) {
                case DATE:
                    return dateFilter(field, op, value);
                case INTEGER:
                    return numberFilter(field, op, value, DateSemantics.EXACT_SECONDS);
                case BOOLEAN:
                    return booleanFilter(field, op, value);
                default:
                    return stringFilter(field, op, value);
            }
        }

        private SearchQuery dateFilter(SearchField field, String op, JsonNode value) throws ApiException {
            if (dates != DateSemantics.DAY_GRANULAR) {
                return numberFilter(field, op, value, dates);
            }
            if (!op.equals("=") && !op.equals(">") && !op.equals("<")) {
                throw invalid("The " + op + " operator is not supported on date field " + field.name()
                        + "; use =, > or <");
            }
            long day = TimelineGenerator.dayStart(number(field, value));
            Intervals range;
            if (op.equals("=")) {
                range = Intervals.of(day, day + TimelineGenerator.DAY);
            } else if (op.equals(">")) {
                range = Intervals.atLeast(day + TimelineGenerator.DAY);
            } else {
                range = Intervals.below(day);
            }
            return ranged(field, range);
        }

        private SearchQuery numberFilter(SearchField field, String op, JsonNode value, DateSemantics semantics)
                throws ApiException {
            boolean inclusive = semantics == DateSemantics.INCLUSIVE_SECONDS;
            if ((op.equals("=") || op.equals("!=")) && value != null && value.isNull()) {
                boolean wantNull = op.equals("=");
                return new SearchQuery(i -> (field.longValue().applyAsLong(i) == SearchField.NULL) == wantNull,
                        Intervals.all(), false);
            }
            Intervals range;
            switch (op) {
                case "=":
                    range = Intervals.point(number(field, value));
                    break;
                case "!=":
                    range = Intervals.point(number(field, value)).complement();
                    break;
                case ">":
                    range = Intervals.atLeast(number(field, value) + (inclusive ? 0 : 1));
                    break;
                case ">=":
                    range = Intervals.atLeast(number(field, value));
                    break;
                case "<":
                    range = Intervals.below(number(field, value) + (inclusive ? 1 : 0));
                    break;
                case "<=":
                    range = Intervals.below(number(field, value) + 1);
                    break;
                case "IN":
                case "NIN": {
                    Intervals points = Intervals.none();
                    for (JsonNode v : list(field, value)) {
                        points = points.union(Intervals.point(number(field, v)));
                    }
                    range = op.equals("IN") ? points : points.complement();
                    break;
                }
                default:
                    throw invalid("The " + op + " operator is not supported on field " + field.name());
            }
            return ranged(field, range);
        }

        private SearchQuery ranged(SearchField field, Intervals range) {
            IntPredicate p = i -> {
                long v = field.longValue().applyAsLong(i);
                return v != SearchField.NULL && range.contains(v);
            };
            boolean onSortField = field.name().equals(sortField);
            return new SearchQuery(p, onSortField ? range : Intervals.all(), onSortField);
        }

        private SearchQuery booleanFilter(SearchField field, String op, JsonNode value) throws ApiException {
            boolean wanted;
            if (value != null && value.isBoolean()) {
                wanted = value.booleanValue();
            } else if (value != null && value.isTextual()
                    && ("true".equals(value.textValue()) || "false".equals(value.textValue()))) {
                wanted = Boolean.parseBoolean(value.textValue());
            } else {
                throw new ApiException(400, "type_mismatch", field.name() + " must be compared to true or false");
            }
            if (!op.equals("=") && !op.equals("!=")) {
                throw invalid("The " + op + " operator is not supported on field " + field.name());
            }
            boolean negate = op.equals("!=");
            return new SearchQuery(i -> field.booleanValue().test(i) == wanted ^ negate, Intervals.all(), false);
        }

        private SearchQuery stringFilter(SearchField field, String op, JsonNode value) throws ApiException {
            if (op.equals("IN") || op.equals("NIN")) {
                List<String> wanted = new ArrayList<>();
                for (JsonNode v : list(field, value)) {
                    wanted.add(v.isNull() ? null : v.asText());
                }
                boolean in = op.equals("IN");
                return new SearchQuery(i -> wanted.contains(field.stringValue().apply(i)) == in, Intervals.all(),
                        false);
            }
            String wanted = value == null || value.isNull() ? null : value.asText();
            String lower = wanted == null ? null : wanted.toLowerCase(Locale.ROOT);
            IntPredicate p;
            switch (op) {
                case "=":
                    p = i -> java.util.Objects.equals(field.stringValue().apply(i), wanted);
                    break;
                case "!=":
                    p = i -> !java.util.Objects.equals(field.stringValue().apply(i), wanted);
                    break;
                case "~":
                    p = i -> lowerOf(field, i).contains(lower);
                    break;
                case "!~":
                    p = i -> !lowerOf(field, i).contains(lower);
                    break;
                case "^":
                    p = i -> lowerOf(field, i).startsWith(lower);
                    break;
                case "$":
                    p = i -> lowerOf(field, i).endsWith(lower);
                    break;
                default:
                    throw invalid("The " + op + " operator is not supported on field " + field.name());
            }
            if (lower == null && !op.equals("=") && !op.equals("!=")) {
                throw invalid("The " + op + " operator needs a value");
            }
            return new SearchQuery(p, Intervals.all(), false);
        }

        private static String lowerOf(SearchField field, int i) {
            String s = field.stringValue().apply(i);
            return s == null ? "" : s.toLowerCase(Locale.ROOT);
        }

        private static JsonNode list(SearchField field, JsonNode value) throws ApiException {
            if (value == null || !value.isArray()) {
                throw new ApiException(400, "type_mismatch", "IN and NIN on " + field.name() + " need a list");
            }
            return value;
        }

        private static long number(SearchField field, JsonNode value) throws ApiException {
            if (value != null && value.isIntegralNumber()) {
                return value.longValue();
            }
            if (value != null && value.isTextual()) {
                try {
                    return Long.parseLong(value.textValue().trim());
                } catch (NumberFormatException ignored) {
                    // fall through to the error below
                }
            }
            throw new ApiException(400, "type_mismatch", field.name() + " must be compared to an integer");
        }

        private static String text(JsonNode node) {
            return node != null && node.isTextual() ? node.textValue() : null;
        }

        private static ApiException invalid(String message) {
            return new ApiException(400, "client_error", message);
        }
    }
}
