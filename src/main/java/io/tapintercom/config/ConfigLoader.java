package io.tapintercom.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tapintercom.singer.DateTimes;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the run's settings from the --config sources, in order (later files win), where the word
 * ENV stands for the TAP_INTERCOM_* environment variables (which win over every file); expands
 * ${VAR} inside file values; validates the result against config.schema.json; and types it.
 */
public final class ConfigLoader {
    public static final String ENV_SOURCE = "ENV";
    public static final String ENV_PREFIX = "TAP_INTERCOM_";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern IPV4_LOOPBACK =
            Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    /** Numbered 2.x versions, or the unnumbered one (Unstable, renamed Preview in 2026; "@" as the docs' curl sends it). */
    private static final Pattern API_VERSION = Pattern.compile("2\\.\\d{1,2}|@?(Unstable|Preview)");
    private static final Map<String, String> REGION_HOSTS = Map.of(
            "us", "https://api.intercom.io",
            "eu", "https://api.eu.intercom.io",
            "au", "https://api.au.intercom.io");

    private final Map<String, String> environment;
    private final Clock clock;
    /** The run's secrets, which the log redacts: the access token is added as soon as it is read. */
    private final Secrets secrets;
    private final ConfigSchema schema = ConfigSchema.load();

    public ConfigLoader(Map<String, String> environment, Clock clock, Secrets secrets) {
        this.environment = environment;
        this.clock = clock;
        this.secrets = secrets;
    }

    public ConfigSchema schema() {
        return schema;
    }

    public TapConfig load(List<String> sources) {
        return toConfig(schema.withDefaults(validate(merge(sources))));
    }

    /** The merged, coerced settings as JSON, before validation. */
    public ObjectNode merge(List<String> sources) {
        if (sources.isEmpty()) {
            throw new BadInputException("--config is required: give a config file (see config.json.example), or ENV to read TAP_INTERCOM_* variables");
        }
        ObjectNode merged = Json.object();
        boolean useEnvironment = false;
        for (String source : sources) {
            if (ENV_SOURCE.equals(source)) {
                useEnvironment = true;
                continue;
            }
            JsonNode file = InputFiles.read(source, "config file");
            if (!file.isObject()) {
                throw new BadInputException("config file \"" + source + "\" must hold a JSON object of settings");
            }
            merged.setAll(expandVariables((ObjectNode) file, source));
        }
        if (useEnvironment) {
            merged.setAll(fromEnvironment());
        }
        return withoutTrailingNewline(schema.coerce(merged), "access_token");
    }

    /**
     * One line break at the end of the token goes: a token saved with {@code echo > file} and handed over
     * through a secret store (a Kubernetes secret, a .env file) keeps it, and a token never ends with one.
     * Any other control character is refused by {@link #controlCharacterProblems}.
     */
    private static ObjectNode withoutTrailingNewline(ObjectNode settings, String key) {
        JsonNode value = settings.get(key);
        if (value != null && value.isTextual()) {
            String text = value.asText();
            String trimmed = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            settings.put(key, trimmed);
        }
        return settings;
    }

    private ObjectNode fromEnvironment() {
        ObjectNode values = Json.object();
        for (String key : schema.settingNames()) {
            String value = environment.get(ENV_PREFIX + key.toUpperCase(Locale.ROOT));
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    private ObjectNode expandVariables(ObjectNode file, String source) {
        ObjectNode out = file.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = out.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isTextual()) {
                field.setValue(TextNode.valueOf(expand(field.getValue().asText(), field.getKey(), source)));
            }
        }
        return out;
    }

    private String expand(String value, String key, String source) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = environment.get(matcher.group(1));
            if (replacement == null) {
                throw new BadInputException("config file \"" + source + "\": " + key + " refers to ${" + matcher.group(1)
                        + "}, which is not set in the environment");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private ObjectNode validate(ObjectNode settings) {
        // Registered before any check: a token pasted under the wrong key would be quoted back in a problem
        // ("region \"<token>\" is not one of ..."), and every later log line must redact it too.
        JsonNode token = settings.get("access_token");
        if (token != null && token.isTextual()) {
            secrets.add(token.asText());
        }
        List<String> problems = new ArrayList<>(schema.validate(settings));
        if (problems.isEmpty()) {
            problems.addAll(semanticProblems(settings));
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.stream().map(secrets::redact).toList());
        }
        return settings;
    }

    private List<String> semanticProblems(ObjectNode settings) {
        List<String> problems = new ArrayList<>(controlCharacterProblems(settings));
        String start = Json.text(settings, "start_date");
        if (start != null && DateTimes.parse(start).isEmpty()) {
            problems.add("config: start_date " + Json.quote(start) + " is not a date (use RFC 3339, e.g. 2024-01-31T00:00:00Z, or YYYY-MM-DD)");
        }
        String version = Json.text(settings, "api_version");
        if (version != null && !API_VERSION.matcher(version).matches()) {
            problems.add("config: api_version " + Json.quote(version) + " is not an Intercom API version (use 2.x, e.g. 2.14,"
                    + " or Unstable/Preview)");
        }
        String baseUrl = Json.text(settings, "base_url");
        if (baseUrl != null) {
            problems.addAll(baseUrlProblems(baseUrl));
        }
        if (Json.text(settings, "access_token") != null && Json.text(settings, "access_token").isBlank()) {
            problems.add("config: access_token is empty");
        }
        return problems;
    }

    /**
     * The token and the user agent go into HTTP headers, where a line break would start a header of its own:
     * refused, without quoting the value. (Other text settings are quoted escaped wherever they are printed.)
     */
    private static List<String> controlCharacterProblems(ObjectNode settings) {
        List<String> problems = new ArrayList<>();
        for (String key : List.of("access_token", "user_agent")) {
            String value = Json.text(settings, key);
            if (value != null && value.chars().anyMatch(ConfigLoader::isControl)) {
                problems.add("config: " + key + " contains a control character (a line break, tab or similar); it is sent"
                        + " as an HTTP header and must be one line of printable characters");
            }
        }
        return problems;
    }

    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /** The token goes in a header, so plain http is allowed only where nobody can listen: this machine. */
    static List<String> baseUrlProblems(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            return List.of("config: base_url " + Json.quote(baseUrl) + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return List.of("config: base_url " + Json.quote(baseUrl) + " must be an http(s) URL such as https://api.intercom.io");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return List.of("config: base_url " + Json.quote(baseUrl) + " uses plain http to another machine; the access token is only sent"
                    + " over https, or over http to 127.0.0.1, localhost or ::1");
        }
        return List.of();
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        // Only an IPv4 literal in 127.0.0.0/8: a prefix test also let through DNS names such as
        // 127.0.0.1.example.com, which resolve to any machine, and the token would travel in clear.
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || IPV4_LOOPBACK.matcher(h).matches();
    }

    /** Types validated settings whose defaults, from config.schema.json, are already filled in. */
    private TapConfig toConfig(ObjectNode s) {
        Instant now = clock.instant();
        Instant startDate = DateTimes.parse(Json.text(s, "start_date"))
                .orElse(now.atOffset(ZoneOffset.UTC).minusYears(1).toInstant());
        String baseUrl = Json.text(s, "base_url") != null ? Json.text(s, "base_url") : REGION_HOSTS.get(s.path("region").asText());
        return new TapConfig(
                new Secret(Json.text(s, "access_token")),
                startDate,
                stripTrailingSlash(baseUrl),
                s.path("api_version").asText(),
                Duration.ofMillis((long) (s.path("request_timeout").asDouble() * 1000)),
                s.path("user_agent").asText(Version.userAgent()),
                s.path("max_retries").asInt(),
                s.path("max_concurrency").asInt(),
                s.path("parallel_streams").asInt(),
                s.path("attribution_window_days").asInt(),
                s.path("search_page_size").asInt(),
                s.path("validate_records").asBoolean(),
                s.path("type_custom_attributes").asBoolean(),
                s.path("fetch_contact_details").asBoolean(),
                Duration.ofMillis((long) (s.path("max_rate_limit_wait").asDouble() * 1000)),
                Json.text(s, "base_url") != null ? "base_url" : "region",
                s.path("strip_nul_characters").asBoolean());
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
