package io.tapintercom.singer.transform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.transform.RecordValidator.RecordMismatchException;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
    private static final String SCHEMA = "{'type':'object','properties':{"
            + "'id':{'type':'string'},"
            + "'updated_at':{'type':['null','string'],'format':'date-time'},"
            + "'user_count':{'type':['null','integer']},"
            + "'location':{'type':['null','object'],'properties':{'city':{'type':['null','string']}}}}}";

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private final RecordValidator validator = new RecordValidator("companies", json(SCHEMA));

    @Test
    void aValidRecordPasses() {
        assertDoesNotThrow(() -> validator.validate(json("{'id':'1','updated_at':'2024-05-01T12:00:00.000000Z',"
                + "'user_count':3,'location':{'city':null}}")));
        assertDoesNotThrow(() -> validator.validate(json("{'id':'2','updated_at':null,'user_count':null,'location':null}")));
    }

    @Test
    void aWrongTypeFailsNamingStreamRecordAndPath() {
        RecordMismatchException e = assertThrows(RecordMismatchException.class,
                () -> validator.validate(json("{'id':'c-42','user_count':'three'}")));
        assertTrue(e.getMessage().startsWith("stream companies: record c-42 does not match its SCHEMA at /user_count: "),
                e.getMessage());
    }

    @Test
    void aNestedMismatchNamesTheNestedPath() {
        RecordMismatchException e = assertThrows(RecordMismatchException.class,
                () -> validator.validate(json("{'id':'7','location':{'city':12}}")));
        assertTrue(e.getMessage().contains("record 7 does not match its SCHEMA at /location/city"), e.getMessage());
    }

    @Test
    void aDateTimeWithoutOffsetOrAFloatForAnIntegerFails() {
        assertThrows(RecordMismatchException.class,
                () -> validator.validate(json("{'id':'1','updated_at':'2024-05-01 12:00:00'}")));
        assertThrows(RecordMismatchException.class, () -> validator.validate(json("{'id':'1','user_count':1.5}")));
    }

    @Test
    void aRecordWithoutIdIsNamedWithAQuestionMark() {
        RecordMismatchException e = assertThrows(RecordMismatchException.class,
                () -> validator.validate(json("{'user_count':true}")));
        assertTrue(e.getMessage().contains("record ? does not match its SCHEMA at /user_count"), e.getMessage());
    }

    @Test
    void anInvalidSchemaIsRefusedUpFront() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RecordValidator("broken", json("{'type':'object','properties':{'a':{'type':'strin'}}}")));
        assertEquals("the schema of stream broken is not a valid JSON Schema at /properties/a: \"strin\" is not a valid primitive type"
                + " (valid values are: [array, boolean, integer, null, number, object, string])", e.getMessage());
    }
}
