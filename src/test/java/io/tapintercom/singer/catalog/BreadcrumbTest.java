package io.tapintercom.singer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapintercom.singer.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreadcrumbTest {

    private static Breadcrumb of(String... steps) {
        return new Breadcrumb(List.of(steps));
    }

    @Test
    void theStreamHasNoParentAndATopLevelFieldsParentIsTheStream() {
        assertNull(Breadcrumb.STREAM.parent());
        assertEquals(Breadcrumb.STREAM, Breadcrumb.property("id").parent());
        assertTrue(Breadcrumb.property("id").isTopLevelProperty());
        assertFalse(Breadcrumb.STREAM.isTopLevelProperty());
    }

    @Test
    void aNestedFieldsParentIsItsObject() {
        assertEquals(of("properties", "location"), of("properties", "location", "properties", "city").parent());
        assertFalse(of("properties", "location", "properties", "city").isTopLevelProperty());
    }

    @Test
    void aFieldInsideArrayItemsHasTheArrayAsParent() {
        assertEquals(of("properties", "tags"), of("properties", "tags", "items", "properties", "name").parent());
        assertEquals(of("properties", "tags", "items", "properties", "applied_by"),
                of("properties", "tags", "items", "properties", "applied_by", "properties", "id").parent());
    }

    @Test
    void fieldsNamedPropertiesOrItemsAreFieldsNotStructure() {
        assertEquals(of("properties", "items"), of("properties", "items", "properties", "name").parent());
        assertEquals(of("properties", "properties"), of("properties", "properties", "properties", "x").parent());
        assertEquals(of("properties", "a", "properties", "items"),
                of("properties", "a", "properties", "items", "properties", "b").parent());
        assertEquals(Breadcrumb.STREAM, of("properties", "items").parent());
        assertEquals(of("properties", "a"), of("properties", "a", "properties", "properties").parent());
    }

    @Test
    void roundTripsThroughJsonAndComparesByValue() {
        Breadcrumb crumb = of("properties", "location", "properties", "city");
        assertEquals("[\"properties\",\"location\",\"properties\",\"city\"]", crumb.toJson().toString());
        assertEquals(crumb, Breadcrumb.fromJson(crumb.toJson()));
        assertEquals(crumb.hashCode(), Breadcrumb.fromJson(crumb.toJson()).hashCode());
        assertEquals(Breadcrumb.STREAM, Breadcrumb.fromJson(Json.array()));
        assertEquals(Breadcrumb.STREAM, Breadcrumb.fromJson(null));
    }
}
