package io.tapintercom.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the JSON files a user hands the tap, turning every way they can be wrong into one clear line. */
public final class InputFiles {
    private InputFiles() {}

    /** @param what how the file is named in messages, e.g. "config file" or "state file" */
    public static JsonNode read(String path, String what) {
        Path file = Path.of(path);
        String named = what + " " + Json.quote(path);
        if (!Files.exists(file)) {
            throw new BadInputException(named + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(named + " is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            // A FIFO with no writer would block the read for ever; a device or socket is no settings file either.
            throw new BadInputException(named + " is not a regular file (a pipe, device or socket); save it to a file first");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(named + " cannot be read (permissions)");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException(named + " cannot be read: " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new BadInputException(named + " is empty");
        }
        try {
            // Trailing tokens are an error: by default Jackson reads the first value and ignores the rest,
            // so a file holding {...}{...} or a stray "}" passed as valid and half of it was never read.
            JsonNode node = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new BadInputException(named + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new BadInputException(named + " is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    /** Jackson quotes the offending token, which in a config file may be the access token itself. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.replaceAll("'[^']{4,}'", "'…'");
    }
}
