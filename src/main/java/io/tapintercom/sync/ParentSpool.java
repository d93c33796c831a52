package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parents set aside on disk while a read that must not idle runs, to be fed to their children
 * afterwards: whole, since a child may read any field (a list it is taken from, a count that saves a
 * request). On disk, not in memory: a workspace can have millions of them.
 */
final class ParentSpool implements AutoCloseable {
    private final Path file;
    private BufferedWriter writer;
    private BufferedReader reader;
    private long size;

    ParentSpool() {
        try {
            this.file = Files.createTempFile("tap-intercom-parents-", ".jsonl");
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary file for parent ids", e);
        }
    }

    void add(JsonNode parent) {
        try {
            writer.write(parent.toString());
            writer.newLine();
            size++;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the parent spool", e);
        }
    }

    long size() {
        return size;
    }

    /** The next parents, up to {@code max}; empty at the end. Call only after every add. */
    List<JsonNode> next(int max) {
        try {
            if (reader == null) {
                writer.close();
                reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            }
            List<JsonNode> chunk = new ArrayList<>(max);
            String line;
            while (chunk.size() < max && (line = reader.readLine()) != null) {
                chunk.add(Json.MAPPER.readTree(line));
            }
            return chunk;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the parent spool", e);
        }
    }

    @Override
    public void close() {
        try {
            if (reader != null) {
                reader.close();
            } else {
                writer.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }
}
