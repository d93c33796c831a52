package io.tapintercom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.tapintercom.singer.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String TOKEN = "dG9rOmNvbmZpZy10ZXN0LXRva2VuLTk4NzY1NDMyMTA=";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-15T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final Map<String, String> env = new HashMap<>();
    private int files;

    /** Writes a config file (single quotes for double) and returns its path. */
    private String file(String json) {
        try {
            Path path = dir.resolve("config" + (++files) + ".json");
            Files.writeString(path, json.replace('\'', '"'));
            return path.toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private String withToken(String extra) {
        return file("{'access_token':'" + TOKEN + "'" + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    private TapConfig load(String... sources) {
        return new ConfigLoader(env, CLOCK, new Secrets()).load(List.of(sources));
    }

    /** The problems of a config that does not load; none of them may show the token. */
    private List<String> problems(String... sources) {
        BadInputException e = assertThrows(BadInputException.class, () -> load(sources));
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        return e.problems();
    }

    @Test
    void everySettingHasItsDefault() {
        TapConfig config = load(withToken(""));
        assertEquals(TOKEN, config.accessToken().reveal());
        assertEquals(Instant.parse("2024-03-15T10:00:00Z"), config.startDate(), "one year before now");
        assertEquals("https://api.intercom.io", config.baseUrl());
        assertEquals("2.14", config.apiVersion());
        assertEquals(Duration.ofSeconds(300), config.requestTimeout());
        assertEquals(Version.userAgent(), config.userAgent());
        assertTrue(config.userAgent().startsWith("tap-intercom/"));
        assertEquals(8, config.maxRetries());
        assertEquals(200, config.maxConcurrency(), "enough in flight for the default budget at 800 ms");
        assertEquals(30, config.attributionWindowDays());
        assertEquals(150, config.searchPageSize());
        assertFalse(config.validateRecords());
        assertTrue(config.typeCustomAttributes());
        assertEquals(Duration.ofMinutes(10), config.maxRateLimitWait());
        assertEquals("region", config.baseUrlSetting());
    }

    /** A token saved with echo and handed over by a secret store keeps its newline; one at the end is dropped. */
    @Test
    void oneLineBreakAtTheEndOfTheTokenIsDropped() {
        env.put("TAP_INTERCOM_ACCESS_TOKEN", TOKEN + "\n");
        assertEquals(TOKEN, load("ENV").accessToken().reveal());
        env.put("TAP_INTERCOM_ACCESS_TOKEN", TOKEN + "\r\n");
        assertEquals(TOKEN, load("ENV").accessToken().reveal());
        env.put("TAP_INTERCOM_ACCESS_TOKEN", TOKEN + "\n\n");
        assertEquals(List.of("config: access_token contains a control character (a line break, tab or similar); it is sent"
                + " as an HTTP header and must be one line of printable characters"), problems("ENV"));
    }

    @Test
    void apiVersionsIntercomKnows() {
        for (String version : List.of("2.14", "2.7", "2.16", "Unstable", "Preview", "@Preview")) {
            assertEquals(version, load(withToken("'api_version':'" + version + "'")).apiVersion());
        }
    }

    @Test
    void theBaseUrlSettingIsNamedForTheOneLineAboutAnUnresolvedHost() {
        assertEquals("base_url", load(withToken("'base_url':'https://proxy.example.com'")).baseUrlSetting());
        assertEquals(Duration.ofMillis(2500), load(withToken("'max_rate_limit_wait':2.5")).maxRateLimitWait());
    }

    @Test
    void theDefaultsAgreeWithThoseConfigSchemaJsonPublishes() {
        TapConfig config = load(withToken(""));
        JsonNode properties = new ConfigLoader(env, CLOCK, new Secrets()).schema().json().path("properties");
        assertEquals("us", properties.path("region").path("default").asText());
        assertEquals("https://api.intercom.io", config.baseUrl());
        assertEquals(properties.path("api_version").path("default").asText(), config.apiVersion());
        assertEquals(properties.path("request_timeout").path("default").asLong(), config.requestTimeout().toSeconds());
        assertEquals(properties.path("max_retries").path("default").asInt(), config.maxRetries());
        assertEquals(properties.path("max_concurrency").path("default").asInt(), config.maxConcurrency());
        assertEquals(properties.path("attribution_window_days").path("default").asInt(), config.attributionWindowDays());
        assertEquals(properties.path("search_page_size").path("default").asInt(), config.searchPageSize());
        assertEquals(properties.path("validate_records").path("default").asBoolean(), config.validateRecords());
        assertEquals(properties.path("type_custom_attributes").path("default").asBoolean(), config.typeCustomAttributes());
        assertTrue(config.stripNulCharacters());
    }

    @Test
    void everySettingCanBeSet() {
        TapConfig config = load(withToken("'start_date':'2023-06-01T00:00:00Z','region':'eu','api_version':'2.11',"
                + "'request_timeout':12.5,'user_agent':'acme-etl (data@acme.test)','max_retries':0,'max_concurrency':64,"
                + "'attribution_window_days':0,'search_page_size':1,'validate_records':true,'type_custom_attributes':false,"
                + "'strip_nul_characters':false"));
        assertEquals(Instant.parse("2023-06-01T00:00:00Z"), config.startDate());
        assertEquals("https://api.eu.intercom.io", config.baseUrl());
        assertEquals("2.11", config.apiVersion());
        assertEquals(Duration.ofMillis(12_500), config.requestTimeout());
        assertEquals("acme-etl (data@acme.test)", config.userAgent());
        assertEquals(0, config.maxRetries());
        assertEquals(64, config.maxConcurrency());
        assertEquals(0, config.attributionWindowDays());
        assertEquals(1, config.searchPageSize());
        assertTrue(config.validateRecords());
        assertFalse(config.typeCustomAttributes());
        assertFalse(config.stripNulCharacters());
    }

    @Test
    void theRegionChoosesTheApiHost() {
        assertEquals("https://api.intercom.io", load(withToken("'region':'us'")).baseUrl());
        assertEquals("https://api.eu.intercom.io", load(withToken("'region':'eu'")).baseUrl());
        assertEquals("https://api.au.intercom.io", load(withToken("'region':'au'")).baseUrl());
    }

    @Test
    void baseUrlOverridesTheRegionWithoutItsTrailingSlash() {
        assertEquals("https://proxy.acme.test/intercom", load(withToken("'region':'eu','base_url':'https://proxy.acme.test/intercom/'")).baseUrl());
    }

    @Test
    void aLaterFileWinsOverAnEarlierOne() {
        String base = withToken("'max_retries':3,'region':'eu'");
        String override = file("{'max_retries':5}");
        TapConfig config = load(base, override);
        assertEquals(5, config.maxRetries());
        assertEquals("https://api.eu.intercom.io", config.baseUrl(), "keys the later file does not set are kept");
        assertEquals(3, load(override, base).maxRetries());
    }

    @Test
    void environmentVariablesWinOverEveryFileWhereverEnvIsListed() {
        env.put("TAP_INTERCOM_MAX_RETRIES", "2");
        String config = withToken("'max_retries':5");
        assertEquals(2, load(config, "ENV").maxRetries());
        assertEquals(2, load("ENV", config).maxRetries());
    }

    @Test
    void environmentVariablesAreIgnoredWithoutEnv() {
        env.put("TAP_INTERCOM_MAX_RETRIES", "2");
        assertEquals(8, load(withToken("")).maxRetries());
    }

    @Test
    void envAloneIsAWholeConfig() {
        env.put("TAP_INTERCOM_ACCESS_TOKEN", TOKEN);
        env.put("TAP_INTERCOM_START_DATE", "2024-01-31");
        assertEquals(TOKEN, load("ENV").accessToken().reveal());
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), load("ENV").startDate());
    }

    @Test
    void environmentStringsAreCastToTheSettingsType() {
        env.put("TAP_INTERCOM_ACCESS_TOKEN", TOKEN);
        env.put("TAP_INTERCOM_MAX_CONCURRENCY", " 4 ");
        env.put("TAP_INTERCOM_REQUEST_TIMEOUT", "2.5");
        env.put("TAP_INTERCOM_VALIDATE_RECORDS", "TRUE");
        env.put("TAP_INTERCOM_TYPE_CUSTOM_ATTRIBUTES", "0");
        env.put("TAP_INTERCOM_API_VERSION", "2.11");
        TapConfig config = load("ENV");
        assertEquals(4, config.maxConcurrency());
        assertEquals(Duration.ofMillis(2500), config.requestTimeout());
        assertTrue(config.validateRecords());
        assertFalse(config.typeCustomAttributes());
        assertEquals("2.11", config.apiVersion(), "a string setting stays a string even when it looks like a number");
    }

    @Test
    void numericStringsInAFileAreCastToo() {
        TapConfig config = load(withToken("'request_timeout':'300','max_retries':'4','validate_records':'yes'"));
        assertEquals(Duration.ofSeconds(300), config.requestTimeout());
        assertEquals(4, config.maxRetries());
        assertTrue(config.validateRecords());
    }

    @Test
    void variablesInFileValuesAreExpandedFromTheEnvironment() {
        env.put("INTERCOM_TOKEN", TOKEN);
        env.put("PROXY_HOST", "proxy.acme.test");
        TapConfig config = load(file("{'access_token':'${INTERCOM_TOKEN}','base_url':'https://${PROXY_HOST}/v1',"
                + "'user_agent':'${PROXY_HOST}-${PROXY_HOST}'}"));
        assertEquals(TOKEN, config.accessToken().reveal());
        assertEquals("https://proxy.acme.test/v1", config.baseUrl());
        assertEquals("proxy.acme.test-proxy.acme.test", config.userAgent());
    }

    @Test
    void anExpandedValueIsTakenLiterallyEvenWithDollarsAndBackslashes() {
        env.put("INTERCOM_TOKEN", "a$1\\b${X}-literal");
        assertEquals("a$1\\b${X}-literal", load(file("{'access_token':'${INTERCOM_TOKEN}'}")).accessToken().reveal());
    }

    @Test
    void anUnsetVariableIsAnErrorNamingTheFileKeyAndVariable() {
        String path = file("{'access_token':'${INTERCOM_TOKEN}'}");
        assertEquals(List.of("config file \"" + path + "\": access_token refers to ${INTERCOM_TOKEN}, which is not set in the environment"),
                problems(path));
    }

    @Test
    void startDateTakesAPlainDateOrRfc3339() {
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), load(withToken("'start_date':'2024-01-31'")).startDate());
        assertEquals(Instant.parse("2024-01-31T08:00:00Z"), load(withToken("'start_date':'2024-01-31T10:00:00+02:00'")).startDate());
        assertEquals(Instant.parse("2024-01-31T10:00:00.5Z"), load(withToken("'start_date':'2024-01-31T10:00:00.500000Z'")).startDate());
    }

    @Test
    void aMissingTokenIsNamed() {
        assertEquals(List.of("config: access_token is missing"), problems(file("{'region':'eu'}")));
    }

    @Test
    void anEmptyOrBlankTokenIsNamed() {
        assertEquals(List.of("config: access_token is empty"), problems(file("{'access_token':''}")));
        assertEquals(List.of("config: access_token is empty"), problems(file("{'access_token':'   '}")));
    }

    @Test
    void aWrongTypeIsNamedWithTheTypeExpected() {
        assertEquals(List.of("config: max_retries must be an integer (found string)"), problems(withToken("'max_retries':'lots'")));
        assertEquals(List.of("config: max_retries must be an integer (found string)"), problems(withToken("'max_retries':'2.5'")));
        assertEquals(List.of("config: validate_records must be a boolean (found string)"), problems(withToken("'validate_records':'maybe'")));
        assertEquals(List.of("config: api_version must be a string (found number)"), problems(withToken("'api_version':2.14")));
        assertEquals(List.of("config: access_token must be a string (found integer)"), problems(file("{'access_token':12345678}")));
    }

    @Test
    void aValueOutsideTheEnumListsTheChoices() {
        assertEquals(List.of("config: region \"mars\" is not one of us, eu, au"), problems(withToken("'region':'mars'")));
    }

    @Test
    void boundsAreNamed() {
        assertEquals(List.of("config: max_concurrency must be at least 1"), problems(withToken("'max_concurrency':0")));
        assertEquals(List.of("config: max_retries must be at most 30"), problems(withToken("'max_retries':31")));
        assertEquals(List.of("config: request_timeout must be more than 0"), problems(withToken("'request_timeout':0")));
        assertEquals(List.of("config: search_page_size must be at most 150"), problems(withToken("'search_page_size':151")));
    }

    @Test
    void anEnvironmentValueOutOfBoundsIsNamedLikeAFileValue() {
        env.put("TAP_INTERCOM_MAX_CONCURRENCY", "0");
        assertEquals(List.of("config: max_concurrency must be at least 1"), problems(withToken(""), "ENV"));
    }

    @Test
    void everyProblemIsItsOwnLine() {
        List<String> problems = problems(file("{'region':'mars','max_retries':'lots','max_concurrency':0}"));
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.contains("config: access_token is missing"));
        assertTrue(problems.contains("config: region \"mars\" is not one of us, eu, au"));
        assertTrue(problems.contains("config: max_retries must be an integer (found string)"));
        assertTrue(problems.contains("config: max_concurrency must be at least 1"));
        problems.forEach(problem -> assertFalse(problem.contains("\n"), problem));
    }

    @Test
    void aBadStartDateIsQuotedWithTheFormsAccepted() {
        assertEquals(List.of("config: start_date \"2024-13-01\" is not a date (use RFC 3339, e.g. 2024-01-31T00:00:00Z, or YYYY-MM-DD)"),
                problems(withToken("'start_date':'2024-13-01'")));
        assertEquals(List.of("config: start_date \"2024-01-31 10:00:00\" is not a date (use RFC 3339, e.g. 2024-01-31T00:00:00Z, or YYYY-MM-DD)"),
                problems(withToken("'start_date':'2024-01-31 10:00:00'")));
    }

    @Test
    void plainHttpToAnotherMachineIsRefused() {
        assertEquals(List.of("config: base_url \"http://api.intercom.io\" uses plain http to another machine; the access token"
                + " is only sent over https, or over http to 127.0.0.1, localhost or ::1"), problems(withToken("'base_url':'http://api.intercom.io'")));
        assertEquals(1, problems(withToken("'base_url':'http://10.0.0.5:8080'")).size());
        assertEquals(1, problems(withToken("'base_url':'http://localhost.acme.test'")).size());
    }

    @Test
    void plainHttpToAHostNameThatMerelyStartsWithALoopbackAddressIsRefused() {
        assertEquals(1, problems(withToken("'base_url':'http://127.0.0.1.nip.io/'")).size());
        assertEquals(1, problems(withToken("'base_url':'http://127.attacker.test:8080'")).size());
        assertFalse(ConfigLoader.isLoopback("127.0.0.1.example.com"));
        assertFalse(ConfigLoader.isLoopback("127.0.0.256"));
    }

    @Test
    void httpsAnywhereAndPlainHttpToThisMachineAreAccepted() {
        assertEquals("https://intercom-proxy.acme.test", load(withToken("'base_url':'https://intercom-proxy.acme.test'")).baseUrl());
        assertEquals("http://127.0.0.1:8080", load(withToken("'base_url':'http://127.0.0.1:8080'")).baseUrl());
        assertEquals("http://127.1.2.3:8080", load(withToken("'base_url':'http://127.1.2.3:8080/'")).baseUrl());
        assertEquals("http://localhost:9000", load(withToken("'base_url':'http://LOCALHOST:9000'")).baseUrl().toLowerCase());
        assertEquals("http://[::1]:8080", load(withToken("'base_url':'http://[::1]:8080'")).baseUrl());
    }

    @Test
    void aBaseUrlThatIsNotAnHttpUrlIsRefused() {
        assertEquals(List.of("config: base_url \"ftp://api.intercom.io\" must be an http(s) URL such as https://api.intercom.io"),
                problems(withToken("'base_url':'ftp://api.intercom.io'")));
        assertEquals(List.of("config: base_url \"api.intercom.io\" must be an http(s) URL such as https://api.intercom.io"),
                problems(withToken("'base_url':'api.intercom.io'")));
        assertEquals(List.of("config: base_url \"https://exa mple.com\" is not a URL"), problems(withToken("'base_url':'https://exa mple.com'")));
    }

    @Test
    void noSourceAtAllIsRefused() {
        BadInputException e = assertThrows(BadInputException.class, () -> new ConfigLoader(env, CLOCK, new Secrets()).load(List.of()));
        assertTrue(e.getMessage().startsWith("--config is required"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAnObjectIsRefused() {
        String path = file("['access_token']");
        assertEquals(List.of("config file \"" + path + "\" must hold a JSON object of settings"), problems(path));
    }

    @Test
    void theTokenNeverAppearsInAnyMessage() {
        // Every failing config above passes through problems(), which checks this; here the token is also the culprit.
        assertEquals(List.of("config: region \"****\" is not one of us, eu, au"),
                problems(file("{'access_token':'" + TOKEN + "','region':'" + TOKEN + "'}")));
        assertEquals(List.of("config: start_date \"****\" is not a date (use RFC 3339, e.g. 2024-01-31T00:00:00Z, or YYYY-MM-DD)"),
                problems(file("{'access_token':'" + TOKEN + "','start_date':'" + TOKEN + "'}")));
        problems(file("{'access_token':'" + TOKEN + "','max_retries':'" + TOKEN + "'}"));
        String broken = file("{'access_token': " + TOKEN.replace("=", "") + "}");
        problems(broken);
        String cut = file("{'access_token': '" + TOKEN + "'");
        problems(cut);
        assertEquals("****", load(withToken("")).accessToken().toString());
        assertFalse(load(withToken("")).toString().contains(TOKEN));
    }
}
