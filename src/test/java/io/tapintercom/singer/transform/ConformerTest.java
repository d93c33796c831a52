package io.tapintercom.singer.transform;

import static io.tapintercom.singer.transform.TransformJson.assertJson;
import static io.tapintercom.singer.transform.TransformJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.LogCapture;
import org.junit.jupiter.api.Test;

/** Value by value: what a schema node does to what Intercom sends. */
class ConformerTest {
    private final LogCapture log = new LogCapture();
    private final TransformIssues issues = new TransformIssues(log.logger());


    /** Conforms {@code value} against {@code schema}, both written with single quotes. */
    private JsonNode conform(String schema, String value) {
        return Conformer.compile(json(schema)).conform(json(value), new Conformer.Context("s", "r1", issues));
    }

    private static final String DATE_TIME = "{'type':['null','string'],'format':'date-time'}";
    private static final String INTEGER = "{'type':['null','integer']}";
    private static final String NUMBER = "{'type':['null','number']}";
    private static final String STRING = "{'type':['null','string']}";
    private static final String BOOLEAN = "{'type':['null','boolean']}";

    @Test
    void epochSecondsBecomeRfc3339WhereTheSchemaSaysDateTime() {
        assertEquals("\"2024-05-01T12:00:00.000000Z\"", conform(DATE_TIME, "1714564800").toString());
        assertEquals("\"2024-05-01T12:00:00.123000Z\"", conform(DATE_TIME, "1714564800123").toString());
        assertEquals("\"2024-05-01T12:00:00.500000Z\"", conform(DATE_TIME, "1714564800.5").toString());
        assertEquals("\"1969-12-31T23:59:59.000000Z\"", conform(DATE_TIME, "-1").toString());
        assertEquals(0, issues.misfits());
    }

    @Test
    void dateTimeStringsAreNormalisedToUtc() {
        assertEquals("\"2024-05-01T12:00:00.000000Z\"", conform(DATE_TIME, "'2024-05-01T14:00:00+02:00'").toString());
        assertEquals("\"2024-05-01T00:00:00.000000Z\"", conform(DATE_TIME, "'2024-05-01'").toString());
    }

    @Test
    void anUnparseableDateTimeIsReportedAndPassedOnUnchanged() {
        assertEquals("\"next tuesday\"", conform(DATE_TIME, "'next tuesday'").toString());
        assertEquals(1, issues.misfits());
        assertTrue(log.text().contains("stream s: field \"\" of record r1 holds string where the schema expects"), log.text());
    }

    @Test
    void anEpochOutsideYearsZeroToNineThousandNineHundredNinetyNineIsReportedNotMangled() {
        // 1e18 looks like epoch nanoseconds; read as milliseconds it would be the year 31 million.
        assertEquals("1000000000000000000", conform(DATE_TIME, "1000000000000000000").toString());
        assertEquals("1e+30", conform(DATE_TIME, "1e30").toString().toLowerCase());
        assertEquals(2, issues.misfits());
        assertEquals("\"9999-12-31T23:59:59.999000Z\"", conform(DATE_TIME, "253402300799999").toString());
        assertEquals("253402300800000", conform(DATE_TIME, "253402300800000").toString());
        assertEquals(3, issues.misfits());
    }

    @Test
    void anEmptyStringForANullableDateTimeBecomesNull() {
        assertTrue(conform(DATE_TIME, "''").isNull());
    }

    @Test
    void integralFloatsAndNumericStringsBecomeIntegers() {
        assertEquals("3", conform(INTEGER, "3.0").toString());
        assertTrue(conform(INTEGER, "3.0").isIntegralNumber());
        assertEquals("42", conform(INTEGER, "'42'").toString());
        assertEquals("42", conform(INTEGER, "' 42.000 '").toString());
        assertEquals("-7", conform(INTEGER, "'-7'").toString());
        assertEquals("123456789012345678901234567890", conform(INTEGER, "'123456789012345678901234567890'").toString());
        assertEquals(0, issues.misfits());
    }

    @Test
    void anIntegerStaysTheSameNode() {
        JsonNode seven = json("7");
        assertSame(seven, Conformer.compile(json(INTEGER)).conform(seven, new Conformer.Context("s", "r", issues)));
    }

    @Test
    void aNonIntegralFloatForAnIntegerFieldIsReportedAndPassedOnUnchanged() {
        JsonNode out = conform(INTEGER, "3.5");
        assertEquals("3.5", out.toString());
        assertEquals(1, issues.misfits());
        assertTrue(log.text().contains("holds number where the schema expects [null, integer]"), log.text());
        assertEquals("\"3.5\"", conform(INTEGER, "'3.5'").toString());
        assertEquals(2, issues.misfits());
    }

    @Test
    void numericStringsBecomeExactNumbersForNumberFields() {
        assertEquals("19.99", conform(NUMBER, "'19.99'").toString());
        assertTrue(conform(NUMBER, "'19.99'").isNumber());
        assertEquals("19.99", conform(NUMBER, "19.99").toString());
        assertEquals("5", conform(NUMBER, "5").toString());
    }

    @Test
    void numbersAndBooleansBecomeStringsForStringFields() {
        assertEquals("\"42\"", conform(STRING, "42").toString());
        assertEquals("\"1.25\"", conform(STRING, "1.25").toString());
        assertEquals("\"true\"", conform(STRING, "true").toString());
        assertEquals("\"false\"", conform(STRING, "false").toString());
        assertEquals(0, issues.misfits());
    }

    @Test
    void booleanStringsBecomeBooleansForBooleanFields() {
        assertEquals("true", conform(BOOLEAN, "'TRUE'").toString());
        assertEquals("false", conform(BOOLEAN, "'false'").toString());
        assertEquals("true", conform(BOOLEAN, "true").toString());
        assertEquals("\"maybe\"", conform(BOOLEAN, "'maybe'").toString());
        assertEquals(1, issues.misfits());
    }

    @Test
    void nullIsKeptWhereTheSchemaAllowsItAndReportedWhereItDoesNot() {
        assertTrue(conform(STRING, "null").isNull());
        assertTrue(conform(INTEGER, "''").isNull());
        assertEquals(0, issues.misfits());
        assertTrue(conform("{'type':'string'}", "null").isNull());
        assertEquals(1, issues.misfits());
    }

    @Test
    void aSchemaWithoutTypeAcceptsAnything() {
        assertEquals("{\"a\":[1,\"x\",null]}", conform("{}", "{'a':[1,'x',null]}").toString());
        assertEquals(0, issues.misfits());
    }

    @Test
    void objectsAndArraysWhereTheSchemaWantsAScalarAreReported() {
        assertEquals("{\"a\":1}", conform(STRING, "{'a':1}").toString());
        assertEquals("[1]", conform(INTEGER, "[1]").toString());
        assertEquals(2, issues.misfits());
    }

    @Test
    void nestedObjectsAndArrayItemsAreConformedAllTheWayDown() {
        String schema = "{'type':'object','properties':{"
                + "'source':{'type':['null','object'],'properties':{'created_at':" + DATE_TIME + ",'count':" + INTEGER + "}},"
                + "'parts':{'type':['null','array'],'items':{'type':'object','properties':{'at':" + DATE_TIME + "}}},"
                + "'stamps':{'type':'array','items':" + DATE_TIME + "}}}";
        JsonNode out = conform(schema, "{'source':{'created_at':1714564800,'count':'2'},"
                + "'parts':[{'at':1714564800},{'at':null}],'stamps':[0,'2024-05-01T12:00:00Z']}");
        assertJson("{'source':{'created_at':'2024-05-01T12:00:00.000000Z','count':2},"
                + "'parts':[{'at':'2024-05-01T12:00:00.000000Z'},{'at':null}],"
                + "'stamps':['1970-01-01T00:00:00.000000Z','2024-05-01T12:00:00.000000Z']}", out);
        assertEquals(0, issues.misfits());
    }

    @Test
    void unknownNestedFieldsAreDroppedAndNamedByTheirPath() {
        String schema = "{'type':'object','properties':{'location':{'type':'object','properties':{'city':" + STRING + "}},"
                + "'tags':{'type':'array','items':{'type':'object','properties':{'id':" + STRING + "}}}}}";
        JsonNode out = conform(schema, "{'location':{'city':'Paris','zip':'75001'},'tags':[{'id':'1','color':'red'}]}");
        assertJson("{'location':{'city':'Paris'},'tags':[{'id':'1'}]}", out);
        assertEquals(2, issues.droppedFields());
        assertTrue(log.text().contains("stream s: field \"location.zip\" is not in the schema"), log.text());
        assertTrue(log.text().contains("stream s: field \"tags[].color\" is not in the schema"), log.text());
    }

    @Test
    void additionalPropertiesTrueKeepsUnknownKeys() {
        String schema = "{'type':['null','object'],'additionalProperties':true,'properties':{}}";
        JsonNode out = conform(schema, "{'plan_tier':'gold','seats':12,'nested':{'x':[1]}}");
        assertJson("{'plan_tier':'gold','seats':12,'nested':{'x':[1]}}", out);
        assertEquals(0, issues.droppedFields());
    }

    @Test
    void additionalPropertiesTrueStillConformsTheNamedProperties() {
        String schema = "{'type':['null','object'],'additionalProperties':true,'properties':{'renewal':" + DATE_TIME + "}}";
        JsonNode out = conform(schema, "{'renewal':1714564800,'other':'kept'}");
        assertJson("{'renewal':'2024-05-01T12:00:00.000000Z','other':'kept'}", out);
    }

    @Test
    void additionalPropertiesAsASchemaConformsEveryUnknownKey() {
        String schema = "{'type':'object','additionalProperties':" + INTEGER + "}";
        assertJson("{'a':1,'b':2}", conform(schema, "{'a':'1','b':2.0}"));
    }

    @Test
    void additionalPropertiesFalseDropsUnknownKeys() {
        String schema = "{'type':'object','additionalProperties':false,'properties':{'a':" + STRING + "}}";
        assertJson("{'a':'x'}", conform(schema, "{'a':'x','b':'y'}"));
        assertEquals(1, issues.droppedFields());
    }

    @Test
    void theSameProblemIsLoggedOnceButCountedEachTime() {
        String schema = "{'type':'object','properties':{'n':" + INTEGER + "}}";
        for (int i = 0; i < 5; i++) {
            conform(schema, "{'n':1.5,'extra':true}");
        }
        assertEquals(5, issues.misfits());
        assertEquals(5, issues.droppedFields());
        assertEquals(2, log.lines().size(), log.text());
    }

    @Test
    void aMisfitReportNeverQuotesTheValue() {
        conform(INTEGER, "'secret-looking-value-123.5'");
        assertEquals(1, issues.misfits());
        assertTrue(!log.text().contains("secret-looking-value"), log.text());
    }
}
