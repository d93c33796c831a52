package io.tapintercom.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every stream schema in {@code schemas/} against the object shapes declared in Intercom's
 * OpenAPI description (API 2.14), so that no field the API documents is silently dropped.
 *
 * <p>Paths look like {@code statistics.first_close_at} or {@code source.attachments[].url}
 * ({@code []} stands for the items of an array).
 */
class SchemaCompletenessTest {

    /** How deep the OpenAPI component is walked (property nesting levels). The deepest 2.14 path is 5. */
    private static final int MAX_DEPTH = 6;

    private static final Path PROJECT_DIR = Paths.get(System.getProperty("user.dir"));
    private static final Path OPENAPI_FILE =
            PROJECT_DIR.resolve("src/test/resources/openapi/intercom-api-2.14.yaml");
    private static final Path SCHEMA_DIR = PROJECT_DIR.resolve("schemas");

    /** Names that hold a timestamp although they do not end in {@code _at}. */
    private static final Set<String> KNOWN_TIMESTAMPS = Set.of("snoozed_until", "waiting_since");

    /**
     * API paths deliberately left out of a schema ("stream:path"). An entry also covers every path below it.
     */
    private static final Map<String, String> ALLOWED_OMISSIONS = Map.of(
            // The stream reads POST /conversations/search, whose items (conversation_list_item) never carry
            // conversation_parts; parts are emitted by the conversation_parts stream instead.
            "conversations:conversation_parts",
            "search results have no conversation_parts; see the conversation_parts stream");

    /**
     * Properties deliberately typed as an open {@code {}} because the declared and the recorded shapes conflict
     * ("stream:path").
     */
    private static final Map<String, String> OPEN_PROPERTIES = Map.of(
            // activity_log_metadata declares before/after as objects ("structure varies by activity type"),
            // while the recorded app_name_change and message_state_change logs send plain strings.
            "activity_logs:metadata.before", "declared object, recorded string",
            "activity_logs:metadata.after", "declared object, recorded string");

    private static OpenApiComponents openApi;

    /**
     * One schema file: the OpenAPI component its records follow (null when Intercom describes no such
     * object), the properties that must be non-null (the stream's keys and a few more), and fields the
     * component lacks but the tap emits.
     */
    record StreamSpec(String stream, String component, List<String> nonNull, List<String> additions) {
        @Override
        public String toString() {
            return stream;
        }
    }

    /** What each schema is checked against, by schema name; every schema of {@link Streams} must be here. */
    private static final Map<String, Against> AGAINST = Map.ofEntries(
            Map.entry("admins", against("admin")),
            Map.entry("teams", against("team")),
            Map.entry("tags", against("tag")),
            Map.entry("segments", against("segment")),
            // Keys the recorded GET /contacts/{id} response has and the contact component lacks.
            Map.entry("contacts", against("contact",
                    "tags.type", "notes.type", "companies.type", "social_profiles.type",
                    "location.country_code", "location.continent_code",
                    "opted_out_subscription_types.data[].id", "opted_in_subscription_types.data[].id",
                    "utm_campaign", "utm_content", "utm_medium", "utm_source", "utm_term", "referrer",
                    "enabled_push_messaging")),
            Map.entry("companies", against("company")),
            // Recorded list/search/get responses also carry topics ({}) and ticket (null).
            Map.entry("conversations", against("conversation", "topics", "ticket")),
            // Parent fields the tap adds to each part.
            Map.entry("conversation_parts", against("conversation_part", "conversation_id",
                    "conversation_created_at", "conversation_updated_at", "conversation_total_parts")),
            // Recorded ticket types list attributes under data and carry is_internal.
            Map.entry("tickets", against("ticket",
                    "ticket_attributes._default_title_", "ticket_attributes._default_description_",
                    "ticket_type.is_internal", "ticket_type.ticket_type_attributes.data[].id")),
            // article = article_list_item + statistics; recorded statistics say conversations, not conversions.
            Map.entry("articles", against("article", "statistics.conversations")),
            Map.entry("activity_logs", against("activity_log", "metadata.message.title")),
            Map.entry("contact_notes", against("note", "contact_id")),
            Map.entry("contact_attributes", against("data_attribute")),
            Map.entry("company_attributes", against("data_attribute")),
            Map.entry("conversation_attributes", against("data_attribute")),
            Map.entry("help_center_collections", against("collection")),
            Map.entry("subscription_types", against("subscription_type")),
            Map.entry("ticket_types", against("ticket_type", "is_internal", "ticket_type_attributes.data[].id")),
            // Link tables: the listed object plus the parent's key and updated_at (and a position for items without id).
            Map.entry("team_admins", against(null, "team_id", "admin_id")),
            Map.entry("contact_tags", against("addressable_list", "contact_id", "contact_updated_at")),
            Map.entry("contact_companies", against("company_data", "contact_id", "contact_updated_at")),
            Map.entry("contact_social_profiles", against("social_profile", "contact_id", "position", "contact_updated_at")),
            Map.entry("contact_segments", against("segment", "contact_id", "contact_updated_at")),
            Map.entry("contact_subscriptions", against("subscription_type", "contact_id", "consent_state",
                    "contact_updated_at")),
            Map.entry("contact_event_summaries", against("data_event_summary_item", "contact_id", "contact_updated_at")),
            Map.entry("company_tags", against("tag_basic", "company_id", "company_updated_at")),
            Map.entry("company_segments", against("segment", "company_id", "company_updated_at")),
            Map.entry("conversation_part_attachments", against("part_attachment", "conversation_id",
                    "conversation_part_id", "position", "conversation_updated_at")),
            Map.entry("conversation_part_tags", against("tag_basic", "conversation_id", "conversation_part_id",
                    "conversation_updated_at")),
            Map.entry("conversation_tags", against("tag", "conversation_id", "conversation_updated_at")),
            Map.entry("conversation_contacts", against("contact_reference", "conversation_id", "conversation_updated_at")),
            Map.entry("conversation_teammates", against("reference", "conversation_id", "conversation_updated_at")),
            Map.entry("conversation_attachments", against("part_attachment", "conversation_id", "position",
                    "conversation_updated_at")),
            Map.entry("ticket_parts", against("ticket_part", "ticket_id", "ticket_updated_at")),
            // GET /conversations/deleted (2.16, Preview): deleted_conversation_item is not in the 2.14 description.
            Map.entry("deleted_conversations", against(null, "type", "id", "metrics_retained", "deleted_at")));

    /** Properties that must be non-null besides the stream's keys. */
    private static final Map<String, List<String>> ALSO_NON_NULL = Map.of(
            "conversation_parts", List.of("conversation_id"), "contact_notes", List.of("contact_id"));

    record Against(String component, List<String> additions) {}

    private static Against against(String component, String... additions) {
        return new Against(component, List.of(additions));
    }

    /** Every schema the tap declares in {@link Streams}, once (users and leads share contacts'). */
    static Stream<StreamSpec> streams() {
        Map<String, StreamSpec> specs = new LinkedHashMap<>();
        for (StreamDefinition definition : Streams.intercom(150, false).all()) {
            String schema = definition.schema();
            Against against = AGAINST.get(schema);
            assertTrue(against != null, "schema " + schema + " (stream " + definition.name() + ") has no entry in AGAINST:"
                    + " name the OpenAPI component it follows, or null if Intercom describes none");
            Set<String> nonNull = new LinkedHashSet<>(definition.keyProperties());
            nonNull.addAll(ALSO_NON_NULL.getOrDefault(schema, List.of()));
            specs.putIfAbsent(schema, new StreamSpec(schema, against.component(), List.copyOf(nonNull), against.additions()));
        }
        return specs.values().stream();
    }

    @BeforeAll
    static void loadOpenApi() throws IOException {
        assertTrue(Files.isRegularFile(OPENAPI_FILE),
                "Intercom OpenAPI description not found at " + OPENAPI_FILE
                        + " (a copy of Intercom's MIT-licensed description, kept in the repository)");
        openApi = OpenApiComponents.load(OPENAPI_FILE);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tests
    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void schemaIsATopLevelObject(StreamSpec spec) {
        JsonNode schema = readSchema(spec.stream());
        assertEquals("object", schema.path("type").asText(), spec.stream() + ": top-level type must be object");
        assertTrue(schema.path("properties").isObject(), spec.stream() + ": top-level properties missing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void schemaIsValidDraft4(StreamSpec spec) {
        ProcessingReport report = JsonSchemaFactory.byDefault().getSyntaxValidator()
                .validateSchema(readSchema(spec.stream()));
        assertTrue(report.isSuccess(), "schemas/" + spec.stream() + ".json is not valid Draft 4:\n" + report);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void schemaDeclaresEveryApiProperty(StreamSpec spec) {
        Set<String> schemaPaths = schemaProperties(readSchema(spec.stream())).keySet();
        List<String> missing = openApi.properties(spec.component(), MAX_DEPTH).keySet().stream()
                .filter(path -> !schemaPaths.contains(path))
                .filter(path -> !isAllowedOmission(spec.stream(), path))
                .collect(Collectors.toList());
        assertTrue(missing.isEmpty(), failure(spec, "lacks properties declared by component " + spec.component(),
                missing));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void schemaKeepsFieldsTheComponentLacks(StreamSpec spec) {
        Set<String> schemaPaths = schemaProperties(readSchema(spec.stream())).keySet();
        List<String> missing = spec.additions().stream()
                .filter(path -> !schemaPaths.contains(path))
                .collect(Collectors.toList());
        assertTrue(missing.isEmpty(), failure(spec, "lacks tap-added or recorded-only fields", missing));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void keyPropertiesAreNonNullStringsOrPositions(StreamSpec spec) {
        JsonNode properties = readSchema(spec.stream()).path("properties");
        for (String key : spec.nonNull()) {
            JsonNode type = properties.path(key).path("type");
            String expected = key.equals("position") ? "integer" : "string";
            assertEquals(expected, type.isTextual() ? type.asText() : type.toString(),
                    spec.stream() + ": " + key + " must be {\"type\": \"" + expected + "\"}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void otherPropertiesAreNullable(StreamSpec spec) {
        List<String> notNullable = schemaProperties(readSchema(spec.stream())).entrySet().stream()
                .filter(e -> !spec.nonNull().contains(e.getKey()))
                .filter(e -> !isOpenProperty(spec.stream(), e.getKey()))
                .filter(e -> !types(e.getValue()).contains("null"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toList());
        assertTrue(notNullable.isEmpty(), failure(spec, "has non-nullable properties", notNullable));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void timestampsAreDateTimeStrings(StreamSpec spec) {
        Map<String, JsonNode> schema = schemaProperties(readSchema(spec.stream()));
        Set<String> timestamps = new TreeSet<>();
        schema.keySet().stream().filter(SchemaCompletenessTest::isTimestampName).forEach(timestamps::add);
        openApi.properties(spec.component(), MAX_DEPTH).forEach((path, api) -> {
            if (api.isTimestamp() && schema.containsKey(path)) {
                timestamps.add(path);
            }
        });
        List<String> wrong = timestamps.stream()
                .filter(path -> !isDateTime(schema.get(path)))
                .collect(Collectors.toList());
        assertTrue(wrong.isEmpty(), failure(spec, "has timestamps not typed {[null, string], date-time}", wrong));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void schemaTypesMatchApiTypes(StreamSpec spec) {
        Map<String, JsonNode> schema = schemaProperties(readSchema(spec.stream()));
        List<String> mismatches = new ArrayList<>();
        openApi.properties(spec.component(), MAX_DEPTH).forEach((path, api) -> {
            JsonNode property = schema.get(path);
            if (property == null || isOpenProperty(spec.stream(), path) || isDateTime(property)) {
                return; // missing paths are reported by schemaDeclaresEveryApiProperty
            }
            Set<String> actual = types(property);
            if (!actual.containsAll(api.types())) {
                mismatches.add(path + " declared " + api.types() + " but schema has " + actual);
            }
        });
        assertTrue(mismatches.isEmpty(), failure(spec, "disagrees with the component's types", mismatches));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void schemaUsesOnlyResolvedOpenKeywords(StreamSpec spec) {
        List<String> problems = new ArrayList<>();
        findForbiddenKeywords(readSchema(spec.stream()), "", problems);
        assertTrue(problems.isEmpty(), failure(spec, "uses $ref/allOf/oneOf/anyOf or closed objects", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void openPropertiesAreDeclaredOpen(StreamSpec spec) {
        List<String> untyped = schemaProperties(readSchema(spec.stream())).entrySet().stream()
                .filter(e -> !e.getValue().has("type"))
                .map(Map.Entry::getKey)
                .filter(path -> !isOpenProperty(spec.stream(), path))
                .collect(Collectors.toList());
        assertTrue(untyped.isEmpty(), failure(spec, "has untyped properties not listed in OPEN_PROPERTIES", untyped));
    }

    @Test
    void everySchemaFileBelongsToAStream() throws IOException {
        Set<String> streams = streams().map(StreamSpec::stream).collect(Collectors.toCollection(TreeSet::new));
        Set<String> files;
        try (Stream<Path> listing = Files.list(SCHEMA_DIR)) {
            files = listing.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(streams, files, "schemas/*.json and the schemas of Streams must be the same");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Schema-file helpers
    // ---------------------------------------------------------------------------------------------------------

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode readSchema(String stream) {
        Path file = SCHEMA_DIR.resolve(stream + ".json");
        assertTrue(Files.isRegularFile(file), "missing schema file " + file);
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return fail("schemas/" + stream + ".json does not parse: " + e.getMessage(), e);
        }
    }

    /** Every property (and array items as {@code path[]}) of a schema file, keyed by path. */
    static Map<String, JsonNode> schemaProperties(JsonNode schema) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collectSchemaProperties(schema, "", out);
        return out;
    }

    private static void collectSchemaProperties(JsonNode node, String path, Map<String, JsonNode> out) {
        node.path("properties").fields().forEachRemaining(field -> {
            String child = join(path, field.getKey());
            out.put(child, field.getValue());
            collectSchemaProperties(field.getValue(), child, out);
        });
        if (node.has("items")) {
            String items = path + "[]";
            out.put(items, node.get("items"));
            collectSchemaProperties(node.get("items"), items, out);
        }
    }

    private static void findForbiddenKeywords(JsonNode node, String path, List<String> problems) {
        if (!node.isObject()) {
            return;
        }
        for (String keyword : List.of("$ref", "allOf", "oneOf", "anyOf")) {
            if (node.has(keyword)) {
                problems.add(path + " uses " + keyword);
            }
        }
        if (node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean()) {
            problems.add(path + " has additionalProperties: false");
        }
        node.path("properties").fields().forEachRemaining(f ->
                findForbiddenKeywords(f.getValue(), join(path, f.getKey()), problems));
        if (node.has("items")) {
            findForbiddenKeywords(node.get("items"), path + "[]", problems);
        }
    }

    private static Set<String> types(JsonNode property) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode type = property.path("type");
        if (type.isTextual()) {
            out.add(type.asText());
        }
        type.forEach(t -> out.add(t.asText()));
        return out;
    }

    private static boolean isDateTime(JsonNode property) {
        return "date-time".equals(property.path("format").asText())
                && types(property).equals(Set.of("null", "string"));
    }

    private static boolean isTimestampName(String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        return name.endsWith("_at") || KNOWN_TIMESTAMPS.contains(name);
    }

    private static boolean isAllowedOmission(String stream, String path) {
        return ALLOWED_OMISSIONS.keySet().stream().anyMatch(entry -> {
            String allowed = stream + ":" + path;
            return allowed.equals(entry) || allowed.startsWith(entry + ".") || allowed.startsWith(entry + "[]");
        });
    }

    private static boolean isOpenProperty(String stream, String path) {
        return OPEN_PROPERTIES.containsKey(stream + ":" + path);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String failure(StreamSpec spec, String what, List<String> paths) {
        return "schemas/" + spec.stream() + ".json " + what + ":\n  " + String.join("\n  ", paths);
    }

    // ---------------------------------------------------------------------------------------------------------
    // OpenAPI side
    // ---------------------------------------------------------------------------------------------------------

    /** What the OpenAPI description says about one property path: its types and whether it is a timestamp. */
    record ApiProperty(Set<String> types, boolean isTimestamp) {}

    /** components.schemas of the OpenAPI file, with $ref, allOf, oneOf and anyOf resolved while walking. */
    static final class OpenApiComponents {
        private final JsonNode schemas;

        private OpenApiComponents(JsonNode schemas) {
            this.schemas = schemas;
        }

        static OpenApiComponents load(Path file) throws IOException {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            JsonNode schemas = root.path("components").path("schemas");
            assertTrue(schemas.isObject(), file + " has no components.schemas");
            return new OpenApiComponents(schemas);
        }

        /** Every property path the component declares, down to {@code maxDepth} nesting levels. */
        Map<String, ApiProperty> properties(String component, int maxDepth) {
            if (component == null) {
            return Map.of();
        }
        assertTrue(schemas.has(component), "OpenAPI has no component " + component);
            Map<String, Set<String>> types = new LinkedHashMap<>();
            Map<String, Boolean> timestamps = new LinkedHashMap<>();
            walk(schemas.get(component), "", 0, maxDepth, new ArrayDeque<>(), types, timestamps);
            Map<String, ApiProperty> out = new LinkedHashMap<>();
            types.forEach((path, t) -> out.put(path, new ApiProperty(t, timestamps.getOrDefault(path, false))));
            return out;
        }

        private void walk(JsonNode node, String path, int depth, int maxDepth, Deque<String> refs,
                          Map<String, Set<String>> types, Map<String, Boolean> timestamps) {
            if (node.has("$ref")) {
                String name = node.get("$ref").asText().substring("#/components/schemas/".length());
                if (refs.contains(name)) {
                    return; // recursive component: stop here
                }
                refs.push(name);
                walk(schemas.get(name), path, depth, maxDepth, refs, types, timestamps);
                refs.pop();
            }
            for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
                node.path(combinator).forEach(branch -> walk(branch, path, depth, maxDepth, refs, types, timestamps));
            }
            if (!path.isEmpty()) {
                record(node, path, types, timestamps);
            }
            if (depth >= maxDepth) {
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = join(path, field.getKey());
                types.computeIfAbsent(child, k -> new LinkedHashSet<>());
                walk(field.getValue(), child, depth + 1, maxDepth, refs, types, timestamps);
            }
            if (node.has("items")) {
                String items = path + "[]";
                types.computeIfAbsent(items, k -> new LinkedHashSet<>());
                walk(node.get("items"), items, depth + 1, maxDepth, refs, types, timestamps);
            }
        }

        private static void record(JsonNode node, String path, Map<String, Set<String>> types,
                                   Map<String, Boolean> timestamps) {
            Set<String> pathTypes = types.computeIfAbsent(path, k -> new LinkedHashSet<>());
            if (node.path("type").isTextual()) {
                pathTypes.add(node.get("type").asText());
            }
            if (node.has("properties")) {
                pathTypes.add("object");
            }
            String format = node.path("format").asText();
            if (format.equals("date-time") || format.equals("timestamp")) {
                timestamps.put(path, true);
            }
        }
    }
}
