package io.tapintercom.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.discover.Discoverer;
import io.tapintercom.discover.SchemaLibrary;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.catalog.Breadcrumb;
import io.tapintercom.singer.catalog.Catalog;
import io.tapintercom.singer.catalog.Metadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the repository tells users about the streams follows {@link Streams}, the one list: README's
 * stream table names every stream once with its key, and catalog.json.example is the catalog discovery
 * writes, with the default selection spelled out.
 */
class DocumentedStreamsTest {
    private static final Path PROJECT = Paths.get(System.getProperty("user.dir"));
    private static final Pattern NAME = Pattern.compile("`([a-z_]+)`");
    private static final Streams STREAMS = Streams.intercom(150, false);

    @Test
    void theReadmeStreamTableNamesEveryStreamOnceWithItsKey() throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (String[] row : streamTable()) {
            List<String> keys = names(row[3]);
            for (String stream : names(row[1])) {
                assertTrue(documented.put(stream, keys) == null, "README lists " + stream + " twice");
            }
        }
        Map<String, List<String>> declared = new LinkedHashMap<>();
        STREAMS.all().forEach(s -> declared.put(s.name(), s.keyProperties()));
        assertEquals(new TreeSet<>(declared.keySet()), new TreeSet<>(documented.keySet()),
                "README's stream table and Streams must list the same streams");
        declared.forEach((stream, keys) -> assertEquals(keys, documented.get(stream), "README's key of " + stream));
    }

    @Test
    void catalogJsonExampleIsWhatDiscoveryWritesWithTheDefaultSelection() throws IOException {
        Catalog catalog = new Discoverer(STREAMS, new SchemaLibrary()).discover(null);
        catalog.streams().forEach(entry -> entry.metadata().at(Breadcrumb.STREAM).put(Metadata.SELECTED,
                entry.metadata().flag(Breadcrumb.STREAM, Metadata.SELECTED_BY_DEFAULT).orElse(true)));
        ObjectNode expected = catalog.toJson();
        JsonNode actual = Json.MAPPER.readTree(PROJECT.resolve("catalog.json.example").toFile());
        if (!expected.equals(actual)) {
            Path regenerated = PROJECT.resolve("target/catalog.json.example");
            Files.createDirectories(regenerated.getParent());
            Files.write(regenerated, Json.MAPPER.writer(new DefaultPrettyPrinter()).writeValueAsBytes(expected));
        }
        assertTrue(expected.equals(actual), "catalog.json.example is out of date: cp target/catalog.json.example .");
    }

    /** The rows of the table under "## Streams", as cells (index 1 is the first column). */
    private static List<String[]> streamTable() throws IOException {
        List<String> lines = Files.readAllLines(PROJECT.resolve("README.md"));
        int start = lines.indexOf("## Streams");
        assertTrue(start >= 0, "README has no Streams section");
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            if (line.startsWith("| stream") || line.startsWith("|---")) {
                continue;
            }
            rows.add(line.split("\\|"));
        }
        return rows;
    }

    private static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        Matcher matcher = NAME.matcher(cell);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
