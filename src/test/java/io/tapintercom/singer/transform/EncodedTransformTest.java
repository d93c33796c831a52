package io.tapintercom.singer.transform;

import static io.tapintercom.singer.transform.TransformJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.EncodedRecord;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.MessageWriter;
import io.tapintercom.singer.RecordEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A record encoded as it is transformed is the very JSON of the transformed tree, serialised: the same
 * bytes, the same key, the same reports. Checked on every fixture against every stream's schema, which
 * walks conversions, misfits, unknown fields and open objects alike.
 */
class EncodedTransformTest {
    private static final Path SCHEMAS = Path.of("schemas");
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    @Test
    void everyFixtureUnderEverySchemaEncodesAsItsTransformedTreeSerialises() throws IOException {
        List<ObjectNode> records = fixtures();
        int compared = 0;
        for (Path schemaFile : files(SCHEMAS)) {
            JsonNode schema = Json.MAPPER.readTree(schemaFile.toFile());
            Set<String> fields = new HashSet<>();
            schema.path("properties").fieldNames().forEachRemaining(fields::add);
            String stream = schemaFile.getFileName().toString().replace(".json", "");
            for (boolean stripNul : new boolean[] {true, false}) {
                for (ObjectNode record : records) {
                    assertSameOutput(stream, schema, fields, record, stripNul);
                    compared++;
                }
            }
        }
        assertEquals(files(SCHEMAS).size() * records.size() * 2, compared);
    }

    @Test
    void nulCharactersAndOddValuesEncodeAsTheTreeDoes() {
        JsonNode schema = json("{'type':'object','properties':{'id':{'type':'string'},"
                + "'at':{'type':['null','string'],'format':'date-time'},'n':{'type':['null','integer']},"
                + "'x':{'type':['null','number']},'s':{'type':['null','string']},'b':{'type':['null','boolean']},"
                + "'o':{'type':['null','object'],'additionalProperties':{'type':['null','integer']},'properties':{}},"
                + "'a':{'type':['null','array'],'items':{'type':['null','string']}},'any':{}}}");
        Set<String> all = Set.of("id", "at", "n", "x", "s", "b", "o", "a", "any");
        ObjectNode odd = (ObjectNode) json("{'id':'a\\u0000b','at':'2024-05-01','n':'12','x':'1.50','s':7,'b':'true',"
                + "'o':{'k\\u0000':'3','j':2.0,'l':'no'},'a':[1,true,null,{'z':1}],'any':{'deep':[1.0e3,'\\u0000']},"
                + "'unknown':1}");
        for (boolean stripNul : new boolean[] {true, false}) {
            assertSameOutput("odd", schema, all, odd, stripNul);
            assertSameOutput("odd", schema, Set.of("id", "n"), odd, stripNul);
        }
    }

    /** Epochs take a shortcut when written (their bytes, no string); at the edges of its range too. */
    @Test
    void epochDateTimesEncodeAsTheTreeDoes() {
        JsonNode schema = json("{'type':'object','properties':{'id':{'type':'string'},"
                + "'at':{'type':['null','string'],'format':'date-time'},'on':{'type':'string','format':'date-time'}}}");
        for (String epoch : new String[] {"1700000000", "1700000000123", "0", "-1", "-62135596800", "-62135596801",
                "253402300799", "99999999999", "100000000000", "253402300799999", "253402300800000",
                "-253402300799999", "9223372036854775807", "99999999999999999999", "1.5", "1700000000.25"}) {
            ObjectNode record = (ObjectNode) json("{'id':'e','at':" + epoch + ",'on':" + epoch + "}");
            assertSameOutput("epochs", schema, Set.of("id", "at", "on"), record, true);
        }
    }

    private static void assertSameOutput(String stream, JsonNode schema, Set<String> fields, ObjectNode record,
                                         boolean stripNul) {
        TransformIssues treeIssues = new TransformIssues(Logger.discarding());
        TransformIssues encodedIssues = new TransformIssues(Logger.discarding());
        List<String> key = List.of("id");
        RecordTransformer byTree = RecordTransformer.compile(stream, schema, fields, key, treeIssues);
        RecordTransformer byEncoding = RecordTransformer.compile(stream, schema, fields, key, encodedIssues);
        RecordEncoder encoder = new MessageWriter(new ByteArrayOutputStream(), Clock.systemUTC(), stripNul).encoder();

        ObjectNode tree = byTree.transform(record.deepCopy());
        EncodedRecord fromTree = encoder.encode(tree, key);
        EncodedRecord encoded = byEncoding.encode(record.deepCopy(), encoder);

        String what = stream + " / " + record.path("type").asText() + " / stripNul " + stripNul;
        assertEquals(fromTree.toString(), encoded.toString(), what);
        assertEquals(fromTree.key(), encoded.key(), what);
        assertEquals(treeIssues.droppedFields(), encodedIssues.droppedFields(), what);
        assertEquals(treeIssues.misfits(), encodedIssues.misfits(), what);
    }

    private static List<ObjectNode> fixtures() throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        for (Path file : files(FIXTURES)) {
            out.add((ObjectNode) Json.MAPPER.readTree(file.toFile()));
        }
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
