package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.MessageWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A message writer into memory, and the messages read back, one per line. */
final class MemoryOutput {
    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final MessageWriter writer = new MessageWriter(bytes, Clock.fixed(NOW, ZoneOffset.UTC));

    List<JsonNode> messages() {
        writer.close();
        List<JsonNode> messages = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                try {
                    messages.add(Json.MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a whole message: " + line, e);
                }
            }
        }
        return messages;
    }

    List<JsonNode> states() {
        return messages().stream().filter(m -> m.path("type").asText().equals("STATE")).map(m -> m.get("value")).toList();
    }
}
