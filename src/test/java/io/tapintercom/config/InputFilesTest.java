package io.tapintercom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapintercom.singer.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    private static final String TOKEN = "dG9rOmlucHV0LWZpbGVzLXRva2VuLTEyMzQ1Njc4OTA";

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path.toString();
    }

    private String problem(String path) {
        BadInputException e = assertThrows(BadInputException.class, () -> InputFiles.read(path, "state file"));
        assertEquals(1, e.problems().size());
        String problem = e.problems().get(0);
        assertFalse(problem.contains("\n"), problem);
        assertFalse(problem.contains(TOKEN), problem);
        assertFalse(problem.contains(TOKEN.substring(0, 12)), problem);
        return problem;
    }

    @Test
    void readsAJsonDocument() throws IOException {
        String path = write("state.json", "{\"bookmarks\": {\"admins\": {\"updated_at\": \"2024-01-01T00:00:00Z\"}}}\n");
        assertEquals(Json.MAPPER.readTree("{\"bookmarks\":{\"admins\":{\"updated_at\":\"2024-01-01T00:00:00Z\"}}}"),
                InputFiles.read(path, "state file"));
    }

    @Test
    void aMissingFileIsNamed() {
        String path = dir.resolve("nope.json").toString();
        assertEquals("state file \"" + path + "\" does not exist", problem(path));
    }

    @Test
    void aDirectoryIsNamed() {
        assertEquals("state file \"" + dir + "\" is a directory, not a file", problem(dir.toString()));
    }

    @Test
    void anEmptyOrBlankFileIsNamed() throws IOException {
        String empty = write("empty.json", "");
        assertEquals("state file \"" + empty + "\" is empty", problem(empty));
        String blank = write("blank.json", " \n\t\n");
        assertEquals("state file \"" + blank + "\" is empty", problem(blank));
    }

    @Test
    void invalidJsonIsOneLineWithItsPosition() throws IOException {
        String path = write("bad.json", "{\n  \"bookmarks\": {,\n}");
        String problem = problem(path);
        assertTrue(problem.startsWith("state file \"" + path + "\" is not valid JSON at line 2, column "), problem);
    }

    @Test
    void aCutOffFileIsInvalidJson() throws IOException {
        String path = write("cut.json", "{\"access_token\": \"" + TOKEN + "\"");
        assertTrue(problem(path).startsWith("state file \"" + path + "\" is not valid JSON"));
    }

    @Test
    void anUnquotedTokenInTheFileIsNeverQuotedBack() throws IOException {
        String path = write("unquoted.json", "{\"access_token\": " + TOKEN + "}");
        assertTrue(problem(path).startsWith("state file \"" + path + "\" is not valid JSON at line 1, column "));
    }

    @Test
    void aSingleQuotedTokenInTheFileIsNeverQuotedBack() throws IOException {
        String path = write("single.json", "{'access_token': '" + TOKEN + "'}");
        problem(path);
        String value = write("single-value.json", "{\"access_token\": '" + TOKEN + "'}");
        problem(value);
    }

    @Test
    void contentAfterTheDocumentIsInvalidJson() throws IOException {
        String twoObjects = write("two.json", "{\"bookmarks\": {}}\n{\"bookmarks\": {\"x\": {}}}");
        assertTrue(problem(twoObjects).startsWith("state file \"" + twoObjects + "\" is not valid JSON at line 2"),
                problem(twoObjects));
        String strayBrace = write("stray.json", "{\"bookmarks\": {}}}");
        assertTrue(problem(strayBrace).startsWith("state file \"" + strayBrace + "\" is not valid JSON"));
    }
}
