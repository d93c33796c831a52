package io.tapintercom.singer.transform;

import static io.tapintercom.singer.transform.TransformJson.assertJson;
import static io.tapintercom.singer.transform.TransformJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RecordTransformerTest {
    private static final String SCHEMA = "{'type':'object','properties':{"
            + "'id':{'type':'string'},"
            + "'updated_at':{'type':['null','string'],'format':'date-time'},"
            + "'name':{'type':['null','string']},"
            + "'user_count':{'type':['null','integer']},"
            + "'monthly_spend':{'type':['null','number']},"
            + "'location':{'type':['null','object'],'properties':{'city':{'type':['null','string']},"
            + "'seen_at':{'type':['null','string'],'format':'date-time'}}},"
            + "'tags':{'type':['null','array'],'items':{'type':'object','properties':{'id':{'type':'string'},"
            + "'applied_at':{'type':['null','string'],'format':'date-time'}}}},"
            + "'custom_attributes':{'type':['null','object'],'additionalProperties':true,'properties':{}}}}";
    private static final Set<String> ALL = Set.of("id", "updated_at", "name", "user_count", "monthly_spend", "location",
            "tags", "custom_attributes");

    private final LogCapture log = new LogCapture();
    private final TransformIssues issues = new TransformIssues(log.logger());


    private RecordTransformer transformer(Set<String> selected) {
        return RecordTransformer.compile("companies", json(SCHEMA), selected, List.of("id"), issues);
    }

    @Test
    void aTypicalIntercomRecordComesOutConformed() {
        ObjectNode out = transformer(ALL).transform(json("{'id':'5f1','updated_at':1714564800,'name':'Acme',"
                + "'user_count':'12','monthly_spend':'49.50','location':{'city':'Lyon','seen_at':1714564800},"
                + "'tags':[{'id':'1','applied_at':1714564800},{'id':'2','applied_at':null}],"
                + "'custom_attributes':{'tier':'gold','renewal':1714564800}}"));
        assertJson("{'id':'5f1','updated_at':'2024-05-01T12:00:00.000000Z','name':'Acme','user_count':12,"
                + "'monthly_spend':49.50,'location':{'city':'Lyon','seen_at':'2024-05-01T12:00:00.000000Z'},"
                + "'tags':[{'id':'1','applied_at':'2024-05-01T12:00:00.000000Z'},{'id':'2','applied_at':null}],"
                + "'custom_attributes':{'tier':'gold','renewal':1714564800}}", out);
        assertEquals(0, issues.misfits());
        assertEquals(0, issues.droppedFields());
        assertEquals("", log.text());
    }

    @Test
    void unselectedTopLevelFieldsAreRemovedSilently() {
        ObjectNode out = transformer(Set.of("id", "name")).transform(json("{'id':'1','name':'Acme','user_count':3,"
                + "'location':{'city':'Lyon'}}"));
        assertJson("{'id':'1','name':'Acme'}", out);
        assertEquals(0, issues.droppedFields());
        assertEquals("", log.text());
    }

    @Test
    void nullsStayNullAndMissingFieldsStayMissing() {
        ObjectNode out = transformer(ALL).transform(json("{'id':'1','name':null,'updated_at':null,'location':null}"));
        assertJson("{'id':'1','name':null,'updated_at':null,'location':null}", out);
        assertEquals(0, issues.misfits());
    }

    @Test
    void aNonIntegralValueForAnIntegerFieldIsReportedWithTheRecordIdAndPassedOn() {
        ObjectNode out = transformer(ALL).transform(json("{'id':'c-9','user_count':2.5}"));
        assertEquals("2.5", out.get("user_count").toString());
        assertEquals(1, issues.misfits());
        assertEquals(List.of("WARNING stream companies: field \"user_count\" of record c-9 holds number where the schema"
                + " expects [null, integer]; it is passed on unchanged"), log.lines());
    }

    @Test
    void unknownFieldsAreDroppedWithOneWarningPerStreamAndPathOverManyRecords() {
        RecordTransformer transformer = transformer(ALL);
        for (int i = 0; i < 100; i++) {
            ObjectNode out = transformer.transform(json("{'id':'" + i + "','brand_new':1,'location':{'city':'x','zip':'1'},"
                    + "'tags':[{'id':'t','color':'red'},{'id':'u','color':'blue'}]}"));
            assertJson("{'id':'" + i + "','location':{'city':'x'},'tags':[{'id':'t'},{'id':'u'}]}", out);
        }
        assertEquals(List.of(
                "WARNING stream companies: field \"brand_new\" is not in the schema and is left out of the records"
                        + " (add it to schemas/companies.json to keep it)",
                "WARNING stream companies: field \"location.zip\" is not in the schema and is left out of the records"
                        + " (add it to schemas/companies.json to keep it)",
                "WARNING stream companies: field \"tags[].color\" is not in the schema and is left out of the records"
                        + " (add it to schemas/companies.json to keep it)"), log.lines());
        assertEquals(400, issues.droppedFields());
    }

    @Test
    void theSameFieldInAnotherStreamIsWarnedAboutAgain() {
        RecordTransformer companies = transformer(ALL);
        RecordTransformer contacts = RecordTransformer.compile("contacts", json(SCHEMA), ALL, List.of("id"), issues);
        companies.transform(json("{'id':'1','brand_new':1}"));
        contacts.transform(json("{'id':'1','brand_new':1}"));
        companies.transform(json("{'id':'2','brand_new':1}"));
        assertEquals(2, log.lines().size(), log.text());
        assertTrue(log.lines().get(1).startsWith("WARNING stream contacts: field \"brand_new\""));
    }

    @Test
    void customAttributesKeepEveryKeyUnderAdditionalPropertiesTrue() {
        ObjectNode out = transformer(ALL).transform(json("{'id':'1','custom_attributes':{'a b':1,'nested':{'deep':[true]}}}"));
        assertJson("{'a b':1,'nested':{'deep':[true]}}", out.get("custom_attributes"));
        assertEquals(0, issues.droppedFields());
    }

    @Test
    void theInputRecordIsNotModified() {
        JsonNode record = json("{'id':'1','updated_at':1714564800,'extra':true,'location':{'zip':'1'}}");
        JsonNode copy = record.deepCopy();
        transformer(ALL).transform(record);
        assertEquals(copy, record);
    }

    @Test
    void aRecordWithoutItsKeyIsReportedAsAQuestionMark() {
        transformer(ALL).transform(json("{'user_count':'many'}"));
        assertTrue(log.text().contains("of record ? holds string"), log.text());
    }

    @Test
    void compositeKeysAreJoinedInTheReport() {
        RecordTransformer transformer = RecordTransformer.compile("parts", json(SCHEMA), ALL, List.of("id", "name"), issues);
        transformer.transform(json("{'id':'1','name':'n','user_count':'many'}"));
        assertTrue(log.text().contains("of record 1/n holds string"), log.text());
    }

    @Test
    void transformingFromSeveralThreadsGivesTheSameResultsAndOneWarningPerField() throws Exception {
        RecordTransformer transformer = transformer(ALL);
        int threads = 8;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                int good = 0;
                for (int i = 0; i < perThread; i++) {
                    String id = thread + "-" + i;
                    ObjectNode out = transformer.transform(json("{'id':'" + id + "','updated_at':" + (1714564800 + i)
                            + ",'user_count':'" + i + "','extra_" + (i % 3) + "':1,'tags':[{'id':'x','applied_at':0}]}"));
                    JsonNode expected = json("{'id':'" + id + "','updated_at':'"
                            + io.tapintercom.singer.DateTimes.format(java.time.Instant.ofEpochSecond(1714564800L + i))
                            + "','user_count':" + i + ",'tags':[{'id':'x','applied_at':'1970-01-01T00:00:00.000000Z'}]}");
                    if (expected.equals(json(out.toString()))) {
                        good++;
                    }
                }
                return good;
            }));
        }
        start.countDown();
        for (Future<Integer> future : futures) {
            assertEquals(perThread, future.get());
        }
        pool.shutdown();
        assertEquals(3, log.lines().size(), log.text());
        assertEquals(threads * perThread, issues.droppedFields());
        assertEquals(0, issues.misfits());
    }
}
