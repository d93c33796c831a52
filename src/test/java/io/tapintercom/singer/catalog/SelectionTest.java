package io.tapintercom.singer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.singer.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule of singer-meltano.md §1.5, case by case. */
class SelectionTest {
    private static final Breadcrumb ID = Breadcrumb.property("id");
    private static final Breadcrumb NAME = Breadcrumb.property("name");
    private static final Breadcrumb LOCATION = Breadcrumb.property("location");
    private static final Breadcrumb CITY = new Breadcrumb(List.of("properties", "location", "properties", "city"));
    private static final Breadcrumb TAG_NAME = new Breadcrumb(List.of("properties", "tags", "items", "properties", "name"));

    private static final String SCHEMA = "{'type':'object','properties':{"
            + "'id':{'type':'string'},'name':{'type':['null','string']},"
            + "'location':{'type':['null','object'],'properties':{'city':{'type':['null','string']}}},"
            + "'tags':{'type':['null','array'],'items':{'type':'object','properties':{'name':{'type':'string'}}}}}}";

    /** A stream entry with this schema and these metadata entries (single quotes for double). */
    private static CatalogEntry withSchema(String schema, String... metadata) {
        String text = "{'tap_stream_id':'contacts','stream':'contacts','schema':" + schema
                + ",'metadata':[" + String.join(",", metadata) + "]}";
        try {
            return new CatalogEntry((ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"')));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static CatalogEntry entry(String... metadata) {
        return withSchema(SCHEMA, metadata);
    }

    private static String md(String breadcrumb, String values) {
        return "{'breadcrumb':" + breadcrumb + ",'metadata':" + values + "}";
    }

    private static final String STREAM_SELECTED = md("[]", "{'inclusion':'available','selected':true}");

    @Test
    void explicitSelectionWinsOverSelectedByDefault() {
        assertFalse(Selection.isStreamSelected(entry(md("[]", "{'selected':false,'selected-by-default':true}"))));
        assertTrue(Selection.isStreamSelected(entry(md("[]", "{'selected':true,'selected-by-default':false}"))));
    }

    @Test
    void explicitSelectionWinsOverTheLegacySchemaFlag() {
        String legacySelected = "{'type':'object','selected':true,'properties':{}}";
        assertFalse(Selection.isStreamSelected(withSchema(legacySelected, md("[]", "{'selected':false}"))));
    }

    @Test
    void theLegacySchemaFlagWinsOverSelectedByDefault() {
        String legacySelected = "{'type':'object','selected':true,'properties':{}}";
        String legacyDeselected = "{'type':'object','selected':false,'properties':{}}";
        assertTrue(Selection.isStreamSelected(withSchema(legacySelected, md("[]", "{'selected-by-default':false}"))));
        assertFalse(Selection.isStreamSelected(withSchema(legacyDeselected, md("[]", "{'selected-by-default':true}"))));
        assertTrue(Selection.isStreamSelected(withSchema(legacySelected)));
    }

    @Test
    void selectedByDefaultDecidesWhenNobodyExpressedAnOpinion() {
        assertTrue(Selection.isStreamSelected(entry(md("[]", "{'inclusion':'available','selected-by-default':true}"))));
        assertFalse(Selection.isStreamSelected(entry(md("[]", "{'inclusion':'available','selected-by-default':false}"))));
    }

    @Test
    void aStreamWithNoOpinionAnywhereIsNotSelected() {
        assertFalse(Selection.isStreamSelected(entry(md("[]", "{'inclusion':'available'}"))));
        assertFalse(Selection.isStreamSelected(entry()));
    }

    @Test
    void automaticIsAlwaysSelectedEvenWhenSelectedIsFalse() {
        CatalogEntry entry = entry(STREAM_SELECTED, md("['properties','id']", "{'inclusion':'automatic','selected':false}"));
        assertTrue(Selection.isSelected(entry, ID));
        assertTrue(Selection.isStreamSelected(entry(md("[]", "{'inclusion':'automatic','selected':false}"))));
    }

    @Test
    void unsupportedIsNeverSelectedEvenWhenSelectedIsTrue() {
        CatalogEntry entry = entry(STREAM_SELECTED,
                md("['properties','name']", "{'inclusion':'unsupported','selected':true,'selected-by-default':true}"));
        assertFalse(Selection.isSelected(entry, NAME));
        assertFalse(Selection.isStreamSelected(entry(md("[]", "{'inclusion':'unsupported','selected':true}"))));
    }

    @Test
    void selectionWrittenAsStringsIsAcceptedInAnyCase() {
        assertTrue(Selection.isStreamSelected(entry(md("[]", "{'selected':'true'}"))));
        assertTrue(Selection.isStreamSelected(entry(md("[]", "{'selected':'TRUE'}"))));
        assertFalse(Selection.isStreamSelected(entry(md("[]", "{'selected':'false','selected-by-default':true}"))));
        assertFalse(Selection.isStreamSelected(entry(md("[]", "{'selected':'False','selected-by-default':true}"))));
    }

    @Test
    void aSelectedValueThatIsNeitherBooleanNorTrueFalseCountsAsNoOpinion() {
        assertTrue(Selection.isStreamSelected(entry(md("[]", "{'selected':'no','selected-by-default':true}"))));
        assertFalse(Selection.isStreamSelected(entry(md("[]", "{'selected':1,'selected-by-default':false}"))));
    }

    @Test
    void aFieldWithNoOpinionFollowsItsStream() {
        CatalogEntry selected = entry(STREAM_SELECTED, md("['properties','name']", "{'inclusion':'available'}"));
        assertTrue(Selection.isSelected(selected, NAME));
        assertTrue(Selection.isSelected(selected, LOCATION), "a field without any metadata entry follows too");

        CatalogEntry deselected = entry(md("[]", "{'selected':false}"), md("['properties','name']", "{'inclusion':'available'}"));
        assertFalse(Selection.isSelected(deselected, NAME));
    }

    @Test
    void aFieldsOwnSelectionAndDefaultApply() {
        CatalogEntry entry = entry(STREAM_SELECTED,
                md("['properties','name']", "{'inclusion':'available','selected':false}"),
                md("['properties','location']", "{'inclusion':'available','selected-by-default':false}"));
        assertFalse(Selection.isSelected(entry, NAME));
        assertFalse(Selection.isSelected(entry, LOCATION));
        assertTrue(Selection.isSelected(entry, ID));
    }

    @Test
    void aDeselectedStreamDeselectsItsFieldsEvenAutomaticOnes() {
        CatalogEntry entry = entry(md("[]", "{'inclusion':'available','selected':false}"),
                md("['properties','id']", "{'inclusion':'automatic'}"),
                md("['properties','name']", "{'inclusion':'available','selected':true}"));
        assertFalse(Selection.isSelected(entry, ID));
        assertFalse(Selection.isSelected(entry, NAME));
        assertEquals(Set.of(), Selection.selectedProperties(entry));
    }

    @Test
    void nestedBreadcrumbsFollowTheirParentObject() {
        CatalogEntry cityOff = entry(STREAM_SELECTED,
                md("['properties','location']", "{'inclusion':'available','selected':true}"),
                md("['properties','location','properties','city']", "{'inclusion':'available','selected':false}"));
        assertFalse(Selection.isSelected(cityOff, CITY));
        assertTrue(Selection.isSelected(cityOff, LOCATION));

        CatalogEntry locationOff = entry(STREAM_SELECTED,
                md("['properties','location']", "{'inclusion':'available','selected':false}"),
                md("['properties','location','properties','city']", "{'inclusion':'available','selected':true}"));
        assertFalse(Selection.isSelected(locationOff, CITY));

        CatalogEntry noOpinion = entry(STREAM_SELECTED,
                md("['properties','location','properties','city']", "{'inclusion':'available'}"));
        assertTrue(Selection.isSelected(noOpinion, CITY));
    }

    @Test
    void breadcrumbsThroughArrayItemsDoNotCrash() {
        CatalogEntry entry = entry(STREAM_SELECTED,
                md("['properties','tags']", "{'inclusion':'available','selected':false}"),
                md("['properties','tags','items','properties','name']", "{'inclusion':'available','selected':true}"));
        assertFalse(Selection.isSelected(entry, TAG_NAME));
        assertTrue(Selection.isSelected(entry(STREAM_SELECTED), TAG_NAME));
    }

    @Test
    void metadataForFieldsTheSchemaDoesNotHaveIsHarmless() {
        CatalogEntry entry = entry(STREAM_SELECTED,
                md("['properties','ghost','properties','deeper']", "{'inclusion':'available','selected':true}"));
        assertTrue(Selection.isSelected(entry, new Breadcrumb(List.of("properties", "ghost", "properties", "deeper"))));
        assertEquals(Set.of("id", "name", "location", "tags"), Selection.selectedProperties(entry));
    }

    @Test
    void selectedPropertiesListsTheSchemasSelectedTopLevelFieldsInSchemaOrder() {
        CatalogEntry entry = entry(STREAM_SELECTED,
                md("['properties','id']", "{'inclusion':'automatic'}"),
                md("['properties','name']", "{'inclusion':'available','selected':false}"),
                md("['properties','location']", "{'inclusion':'unsupported'}"),
                md("['properties','tags']", "{'inclusion':'available','selected':'true'}"));
        assertEquals(List.of("id", "tags"), List.copyOf(Selection.selectedProperties(entry)));
    }

    @Test
    void theLegacyFlagOnAFieldSchemaIsHonoured() {
        String schema = "{'type':'object','properties':{'id':{'type':'string'},'name':{'type':'string','selected':false}}}";
        CatalogEntry entry = withSchema(schema, STREAM_SELECTED);
        assertFalse(Selection.isSelected(entry, NAME));
        assertTrue(Selection.isSelected(entry, ID));
    }

    @Test
    void aMeltanoCatalogWithExplicitSelectionEverywhereIsReadAsWritten() {
        // What Meltano writes after "!*.*" then "select: contacts.id, contacts.location.*".
        CatalogEntry entry = entry(md("[]", "{'inclusion':'available','selected-by-default':true,'selected':true}"),
                md("['properties','id']", "{'inclusion':'automatic','selected':true}"),
                md("['properties','name']", "{'inclusion':'available','selected-by-default':true,'selected':false}"),
                md("['properties','location']", "{'inclusion':'available','selected':true}"),
                md("['properties','location','properties','city']", "{'inclusion':'available','selected':true}"),
                md("['properties','tags']", "{'inclusion':'available','selected':false}"));
        assertEquals(List.of("id", "location"), List.copyOf(Selection.selectedProperties(entry)));
        assertTrue(Selection.isSelected(entry, CITY));
    }
}
