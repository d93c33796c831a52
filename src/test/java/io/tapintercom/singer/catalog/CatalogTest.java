package io.tapintercom.singer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A catalog as Meltano hands it over: extra stream keys, extra metadata keys, nested breadcrumbs. */
    private static final String MELTANO_CATALOG = "{'streams':[{"
            + "'tap_stream_id':'contacts','stream':'contacts','key_properties':['id'],"
            + "'selected':true,'replication_method':'INCREMENTAL','replication_key':'updated_at','stream_alias':'people',"
            + "'schema':{'type':'object','properties':{'id':{'type':'string'},'location':{'type':['null','object'],"
            + "'properties':{'city':{'type':['null','string']}}}}},"
            + "'metadata':["
            + "{'breadcrumb':[],'metadata':{'inclusion':'available','selected':true,'table-key-properties':['id'],"
            + "'x-meltano-note':{'nested':[1,2]},'schema-name':'contacts'}},"
            + "{'breadcrumb':['properties','id'],'metadata':{'inclusion':'automatic','selected':false}},"
            + "{'breadcrumb':['properties','location'],'metadata':{'inclusion':'available','selected':true}},"
            + "{'breadcrumb':['properties','location','properties','city'],'metadata':{'inclusion':'available','selected':'false'}}"
            + "]}],'x-catalog-extra':'kept?'}";

    @Test
    void unknownCatalogStreamAndMetadataKeysSurviveARoundTrip() {
        JsonNode original = json(MELTANO_CATALOG);
        assertEquals(original, Catalog.fromJson(original).toJson());
    }

    @Test
    void aRoundTripIsStable() {
        Catalog catalog = Catalog.fromJson(json(MELTANO_CATALOG));
        assertEquals(catalog.toJson(), Catalog.fromJson(catalog.toJson()).toJson());
    }

    @Test
    void readingDoesNotAliasTheInputDocument() {
        JsonNode original = json(MELTANO_CATALOG);
        Catalog catalog = Catalog.fromJson(original);
        ((com.fasterxml.jackson.databind.node.ObjectNode) original.path("streams").path(0)).put("stream", "changed");
        assertEquals("contacts", catalog.streams().get(0).stream());
    }

    @Test
    void findsStreamsByTapStreamIdAndReadsKeyProperties() {
        Catalog catalog = Catalog.fromJson(json(MELTANO_CATALOG));
        CatalogEntry contacts = catalog.find("contacts").orElseThrow();
        assertEquals("contacts", contacts.stream());
        assertEquals(List.of("id"), contacts.keyProperties());
        assertTrue(catalog.find("people").isEmpty());
    }

    @Test
    void keyPropertiesFallBackToTheLegacyStreamKey() {
        Catalog catalog = Catalog.fromJson(json("{'streams':[{'stream':'teams','key_properties':['id'],'schema':{}}]}"));
        CatalogEntry teams = catalog.streams().get(0);
        assertEquals("teams", teams.tapStreamId());
        assertEquals(List.of("id"), teams.keyProperties());
    }

    @Test
    void aStreamWithOnlyATapStreamIdGetsThatAsItsName() {
        CatalogEntry entry = Catalog.fromJson(json("{'streams':[{'tap_stream_id':'tags','schema':{}}]}")).streams().get(0);
        assertEquals("tags", entry.stream());
        assertEquals("tags", entry.tapStreamId());
    }

    @Test
    void aStreamWithoutMetadataOrSchemaIsReadable() {
        CatalogEntry entry = Catalog.fromJson(json("{'streams':[{'stream':'tags'}]}")).streams().get(0);
        assertEquals(Json.object(), entry.schema());
        assertTrue(entry.metadata().find(Breadcrumb.STREAM).isEmpty());
        assertTrue(entry.keyProperties().isEmpty());
    }

    @Test
    void badShapesAreRefusedWithAMessageNamingTheProblem() {
        assertEquals("the catalog must be a JSON object with a \"streams\" list",
                assertThrows(IllegalArgumentException.class, () -> Catalog.fromJson(json("[]"))).getMessage());
        assertEquals("the catalog has no \"streams\" list",
                assertThrows(IllegalArgumentException.class, () -> Catalog.fromJson(json("{'streams':{}}"))).getMessage());
        assertEquals("catalog stream #2 has no \"stream\" name",
                assertThrows(IllegalArgumentException.class,
                        () -> Catalog.fromJson(json("{'streams':[{'stream':'a'},{'schema':{}}]}"))).getMessage());
        assertEquals("catalog stream #1 has no \"stream\" name",
                assertThrows(IllegalArgumentException.class, () -> Catalog.fromJson(json("{'streams':['a']}"))).getMessage());
        assertEquals("catalog stream \"a\": metadata must be a list",
                assertThrows(IllegalArgumentException.class,
                        () -> Catalog.fromJson(json("{'streams':[{'stream':'a','metadata':{}}]}"))).getMessage());
    }

    @Test
    void metadataReadsFlagsStrictlyButAcceptsTrueAndFalseStrings() {
        Metadata metadata = Metadata.fromJson(json("[{'breadcrumb':[],'metadata':{'a':true,'b':'FALSE','c':' True ',"
                + "'d':'yes','e':1,'f':null}}]"));
        assertEquals(java.util.Optional.of(true), metadata.flag(Breadcrumb.STREAM, "a"));
        assertEquals(java.util.Optional.of(false), metadata.flag(Breadcrumb.STREAM, "b"));
        assertEquals(java.util.Optional.of(true), metadata.flag(Breadcrumb.STREAM, "c"));
        assertTrue(metadata.flag(Breadcrumb.STREAM, "d").isEmpty());
        assertTrue(metadata.flag(Breadcrumb.STREAM, "e").isEmpty());
        assertTrue(metadata.flag(Breadcrumb.STREAM, "f").isEmpty());
        assertTrue(metadata.flag(Breadcrumb.STREAM, "absent").isEmpty());
        assertTrue(metadata.flag(Breadcrumb.property("x"), "a").isEmpty());
    }

    @Test
    void metadataBuiltInCodeSerialisesAsSingerEntries() {
        Metadata metadata = new Metadata();
        metadata.at(Breadcrumb.STREAM).put(Metadata.INCLUSION, Metadata.AVAILABLE);
        metadata.at(Breadcrumb.property("id")).put(Metadata.INCLUSION, Metadata.AUTOMATIC);
        metadata.at(Breadcrumb.STREAM).put(Metadata.SELECTED_BY_DEFAULT, true);
        assertEquals(json("[{'breadcrumb':[],'metadata':{'inclusion':'available','selected-by-default':true}},"
                + "{'breadcrumb':['properties','id'],'metadata':{'inclusion':'automatic'}}]"), metadata.toJson());
        assertEquals(java.util.Optional.of("automatic"), metadata.text(Breadcrumb.property("id"), Metadata.INCLUSION));
    }
}
