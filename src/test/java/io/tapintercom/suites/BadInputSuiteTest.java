package io.tapintercom.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapintercom.e2e.E2E;
import io.tapintercom.e2e.TapRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed config, catalog, state and command line we could think of: each must give one line
 * on stderr naming the problem, exit status 2, no stack trace, nothing on stdout, and never the token.
 * No case gets as far as a request (the base URL points at a closed port).
 */
class BadInputSuiteTest {
    private static final String TOKEN = E2E.TOKEN;
    private static final String GOOD_CONFIG = "{\"access_token\":\"" + TOKEN + "\",\"base_url\":\"http://127.0.0.1:9\","
            + "\"type_custom_attributes\":false}";
    private static final String CATALOG = "{\"streams\":[{\"tap_stream_id\":\"contacts\",\"stream\":\"contacts\",\"schema\":"
            + "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"updated_at\":{\"type\":[\"null\",\"string\"],"
            + "\"format\":\"date-time\"}}},\"metadata\":[{\"breadcrumb\":[],\"metadata\":{\"selected\":true}}]}]}";

    /** A file's content that asks for a FIFO (with no writer) in its place. */
    private static final String FIFO = "<fifo>";

    @TempDir
    static Path dir;

    /** A case: the files it writes (name → content) and the arguments, with the line it must print. */
    record Case(String name, List<String[]> files, Function<Path, String[]> args, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(config("missing token", "{\"start_date\":\"2024-01-01\"}", "config: access_token is missing"));
        cases.add(config("empty token", "{\"access_token\":\"\"}", "config: access_token is empty"));
        cases.add(config("token of the wrong type", "{\"access_token\":12345678}", "config: access_token must be a string"));
        cases.add(config("max_retries not a number", withGood("\"max_retries\":\"lots\""), "config: max_retries must be an integer"));
        cases.add(config("max_concurrency zero", withGood("\"max_concurrency\":0"), "config: max_concurrency must be at least 1"));
        cases.add(config("search page too large", withGood("\"search_page_size\":500"), "config: search_page_size must be at most 150"));
        cases.add(config("request_timeout that overflows", withGood("\"request_timeout\":1e30"), "config: request_timeout must be at most 3600"));
        cases.add(config("max_rate_limit_wait zero", withGood("\"max_rate_limit_wait\":0"), "config: max_rate_limit_wait must be more than 0"));
        cases.add(config("attribution window of ages", withGood("\"attribution_window_days\":99999999999"), "config: attribution_window_days must be at most 3650"));
        cases.add(config("impossible start date", withGood("\"start_date\":\"2024-13-01\""), "config: start_date \"2024-13-01\" is not a date"));
        cases.add(config("start date not a date at all", withGood("\"start_date\":\"yesterday\""), "config: start_date \"yesterday\" is not a date"));
        cases.add(config("unknown region", "{\"access_token\":\"" + TOKEN + "\",\"region\":\"mars\"}", "config: region \"mars\" is not one of us, eu, au"));
        cases.add(config("plain http to another host", "{\"access_token\":\"" + TOKEN + "\",\"base_url\":\"http://intercom.example.com\"}",
                "config: base_url \"http://intercom.example.com\" uses plain http to another machine"));
        cases.add(config("unset variable", "{\"access_token\":\"${NO_SUCH_VARIABLE_HERE}\"}", "refers to ${NO_SUCH_VARIABLE_HERE}, which is not set"));
        cases.add(config("truncated config", "{\"access_token\": \"" + TOKEN, "is not valid JSON"));
        cases.add(config("empty config", "", "is empty"));
        cases.add(config("config not an object", "[1, 2, 3]", "must hold a JSON object of settings"));
        cases.add(new Case("config missing", List.of(), d -> new String[] {"--config", d.resolve("absent.json").toString(), "--discover"},
                "does not exist"));
        cases.add(new Case("config is a directory", List.of(), d -> new String[] {"--config", d.toString(), "--discover"},
                "is a directory, not a file"));
        cases.add(new Case("no config at all", List.of(), d -> new String[] {"--discover"}, "--config is required"));
        cases.add(catalog("catalog truncated", "{\"streams\": [", "is not valid JSON"));
        cases.add(catalog("catalog without streams", "{\"entries\": []}", "the catalog has no \"streams\" list"));
        cases.add(catalog("catalog stream without a name", "{\"streams\": [{\"schema\": {}}]}", "catalog stream #1 has no \"stream\" name"));
        cases.add(catalog("catalog metadata not a list", "{\"streams\": [{\"stream\": \"contacts\", \"metadata\": {}}]}", "metadata must be a list"));
        cases.add(catalog("unknown stream selected", CATALOG.replace("\"contacts\"", "\"contactz\""),
                "catalog: stream \"contactz\" is selected but tap-intercom has no such stream"));
        cases.add(catalog("empty catalog file", "", "is empty"));
        cases.add(state("bookmark not a date", "{\"bookmarks\":{\"contacts\":{\"updated_at\":\"last tuesday\"}}}",
                "state: the updated_at bookmark of stream \"contacts\" (\"last tuesday\") is not a date"));
        cases.add(state("bookmark in the future", "{\"bookmarks\":{\"contacts\":{\"updated_at\":\"2099-01-01T00:00:00Z\"}}}",
                "state: the updated_at bookmark of stream \"contacts\" (2099-01-01T00:00:00Z) is in the future"));
        cases.add(state("state not an object", "[\"contacts\"]", "state must be a JSON object"));
        cases.add(state("bookmarks not an object", "{\"bookmarks\": 7}", "state: \"bookmarks\" must be an object"));
        cases.add(state("currently_syncing not a name", "{\"currently_syncing\": 3}", "\"currently_syncing\" must be a stream name or null"));
        cases.add(state("truncated state", "{\"bookmarks\": {", "is not valid JSON"));
        // Header injection and pasted tokens: refused before any request, never quoted.
        cases.add(config("token with a line break inside", "{\"access_token\":\"" + TOKEN + "\\nX-Evil: 1\"}",
                "config: access_token contains a control character"));
        cases.add(config("token with CRLF and a forged header", "{\"access_token\":\"" + TOKEN + "\\r\\nX-Evil: 1\\r\\n\"}",
                "config: access_token contains a control character"));
        cases.add(config("token with a tab", "{\"access_token\":\"" + TOKEN.substring(0, 10) + "\\t" + TOKEN.substring(10) + "\"}",
                "config: access_token contains a control character"));
        cases.add(config("user_agent with CRLF", withGood("\"user_agent\":\"me\\r\\nX-Evil: 1\""),
                "config: user_agent contains a control character"));
        cases.add(config("user_agent with a NUL", withGood("\"user_agent\":\"me\\u0000\""),
                "config: user_agent contains a control character"));
        cases.add(config("api_version not a version", withGood("\"api_version\":\"banana\""),
                "config: api_version \"banana\" is not an Intercom API version (use 2.x, e.g. 2.14, or Unstable/Preview)"));
        cases.add(config("api_version 3", withGood("\"api_version\":\"3.0\""), "config: api_version \"3.0\" is not an Intercom API version"));
        cases.add(config("api_version forging a log line", withGood("\"api_version\":\"2.14\\r\\nCRITICAL forged\""),
                "config: api_version \"2.14\\r\\nCRITICAL forged\" is not an Intercom API version"));
        cases.add(config("base_url forging a log line", withGood("\"base_url\":\"https://x\\r\\nX-Evil: 1\""),
                "config: base_url \"https://x\\r\\nX-Evil: 1\" is not a URL"));
        cases.add(config("start_date forging a log line", withGood("\"start_date\":\"soon\\nCRITICAL forged\""),
                "config: start_date \"soon\\nCRITICAL forged\" is not a date"));
        // Files that are not files: a FIFO with no writer used to hang the read.
        cases.add(new Case("config is a FIFO", List.<String[]>of(new String[] {"config.json", FIFO}),
                d -> new String[] {"--config", d.resolve("config.json").toString(), "--discover"},
                "config.json\" is not a regular file (a pipe, device or socket)"));
        cases.add(new Case("config is a device", List.of(), d -> new String[] {"--config", "/dev/null", "--discover"},
                "config file \"/dev/null\" is not a regular file"));
        cases.add(catalog("catalog is a FIFO", FIFO, "catalog.json\" is not a regular file"));
        cases.add(state("state is a FIFO", FIFO, "state.json\" is not a regular file"));
        // Catalogs whose shape would make a selected stream vanish or lose its key.
        cases.add(catalog("schema is a string", "{\"streams\": [{\"stream\": \"contacts\", \"schema\": \"contacts.json\"}]}",
                "catalog stream \"contacts\": \"schema\" must be a JSON object, not a string"));
        cases.add(catalog("metadata without breadcrumbs", CATALOG.replace("\"breadcrumb\":[],", ""),
                "catalog stream \"contacts\": metadata entry #1 has no \"breadcrumb\" list"));
        cases.add(catalog("metadata a list of strings", "{\"streams\": [{\"stream\": \"contacts\", \"metadata\": [\"selected\"]}]}",
                "catalog stream \"contacts\": metadata entry #1 must be an object with \"breadcrumb\" and \"metadata\", not a string"));
        cases.add(catalog("metadata entry without its values", CATALOG.replace(",\"metadata\":{\"selected\":true}", ""),
                "catalog stream \"contacts\": metadata entry #1 has no \"metadata\" object"));
        cases.add(catalog("breadcrumb of numbers", CATALOG.replace("\"breadcrumb\":[]", "\"breadcrumb\":[1]"),
                "catalog stream \"contacts\": metadata entry #1: its breadcrumb must hold only strings, not a number"));
        // Flags.
        cases.add(new Case("--config without its value", List.of(), d -> new String[] {"--discover", "--config"},
                "--config needs a value (FILE|ENV; see --help)"));
        cases.add(new Case("--catalog without its value", List.of(), d -> new String[] {"--config", "x.json", "--catalog"},
                "--catalog needs a value (FILE; see --help)"));
        cases.add(new Case("unknown flag forging a log line", List.of(), d -> new String[] {"--about", "--x\r\nCRITICAL forged"},
                "unknown option --x\\r\\nCRITICAL forged"));
        cases.add(new Case("unknown flag", List.of(), d -> new String[] {"--config", "x.json", "--dicsover"}, "unknown option --dicsover"));
        cases.add(new Case("bad --test value", List.of(), d -> new String[] {"--test=everything"}, "--test takes no value or \"schema\""));
        cases.add(new Case("bad log level", List.of(), d -> new String[] {"--log-level", "loud", "--about"}, "log level \"loud\" is not one of"));
        cases.add(new Case("bad --format", List.of(), d -> new String[] {"--about", "--format", "yaml"}, "--format must be json or markdown"));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGivesOneLineNamingTheProblem(Case badInput) throws IOException {
        Path caseDir = Files.createDirectories(dir.resolve(badInput.name().replace(' ', '-')));
        for (String[] file : badInput.files()) {
            if (FIFO.equals(file[1])) {
                mkfifo(caseDir.resolve(file[0]));
            } else {
                Files.writeString(caseDir.resolve(file[0]), file[1]);
            }
        }

        TapRun.Result result = TapRun.tap().run(badInput.args().apply(caseDir));

        assertEquals(2, result.exit(), result.toString());
        assertEquals(1, result.stderr().lines().count(), "one line only:\n" + result.stderr());
        assertTrue(result.stderr().startsWith("CRITICAL "), result.stderr());
        assertTrue(result.stderr().contains(badInput.expected()), "expected \"" + badInput.expected() + "\" in:\n" + result.stderr());
        assertFalse(result.stderr().contains("Exception") || result.stderr().contains("\tat "), result.stderr());
        assertFalse(result.stderr().contains(TOKEN), "the token leaked: " + result.stderr());
        assertEquals("", result.stdout());
    }

    private static void mkfifo(Path path) throws IOException {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            assertEquals(0, mkfifo.waitFor(), "mkfifo " + path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String withGood(String extra) {
        return GOOD_CONFIG.substring(0, GOOD_CONFIG.length() - 1) + "," + extra + "}";
    }

    private static Case config(String name, String content, String expected) {
        return new Case(name, List.<String[]>of(new String[] {"config.json", content}),
                d -> new String[] {"--config", d.resolve("config.json").toString(), "--discover"}, expected);
    }

    private static Case catalog(String name, String content, String expected) {
        return new Case(name, List.of(new String[] {"config.json", GOOD_CONFIG}, new String[] {"catalog.json", content}),
                d -> new String[] {"--config", d.resolve("config.json").toString(), "--catalog", d.resolve("catalog.json").toString()},
                expected);
    }

    private static Case state(String name, String content, String expected) {
        return new Case(name, List.of(new String[] {"config.json", GOOD_CONFIG}, new String[] {"catalog.json", CATALOG},
                new String[] {"state.json", content}),
                d -> new String[] {"--config", d.resolve("config.json").toString(), "--catalog", d.resolve("catalog.json").toString(),
                        "--state", d.resolve("state.json").toString()},
                expected);
    }
}
