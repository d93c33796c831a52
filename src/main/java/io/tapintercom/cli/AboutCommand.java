package io.tapintercom.cli;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.config.ConfigLoader;
import io.tapintercom.config.ConfigSchema;
import io.tapintercom.config.Version;
import io.tapintercom.singer.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** --about: name, version, capabilities and settings, as text, JSON (Meltano's shape) or Markdown. Needs no config. */
final class AboutCommand {
    static final String DESCRIPTION = "Singer tap for Intercom: contacts, companies, conversations and their parts,"
            + " tickets, articles, admins, teams, tags, segments and more, from Intercom's REST API 2.14.";
    static final List<String> CAPABILITIES = List.of("catalog", "discover", "state", "about", "test", "activate-version");

    private final TapEnvironment env;
    private final ConfigSchema settings;

    AboutCommand(TapEnvironment env, ConfigSchema settings) {
        this.env = env;
        this.settings = settings;
    }

    int run(String format) {
        String text;
        switch (format) {
            case "json": text = json(); break;
            case "markdown": text = markdown(); break;
            default: text = plain(); break;
        }
        try {
            env.stdout().write(text.getBytes(StandardCharsets.UTF_8));
            env.stdout().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TapIntercom.OK;
    }

    private String json() {
        ObjectNode about = Json.object().put("name", Version.NAME).put("description", DESCRIPTION)
                .put("version", Version.version()).putNull("sdk_version");
        about.set("capabilities", Json.strings(CAPABILITIES));
        about.set("settings", settings.json());
        try {
            return Json.MAPPER.writer(new DefaultPrettyPrinter()).writeValueAsString(about) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String plain() {
        StringBuilder out = new StringBuilder();
        out.append("Name: ").append(Version.NAME).append('\n')
                .append("Description: ").append(DESCRIPTION).append('\n')
                .append("Version: ").append(Version.version()).append('\n')
                .append("Capabilities:\n");
        CAPABILITIES.forEach(c -> out.append("  - ").append(c).append('\n'));
        out.append("Settings:\n");
        settings.json().path("properties").fields().forEachRemaining(field -> out
                .append("  - Name: ").append(field.getKey()).append('\n')
                .append("    Type: ").append(field.getValue().path("type").asText()).append('\n')
                .append("    Environment Variable: ").append(envName(field.getKey())).append('\n'));
        return out.toString();
    }

    private String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(Version.NAME).append("\n\n").append(DESCRIPTION).append("\n\n")
                .append("Version: ").append(Version.version()).append("\n\n## Capabilities\n\n");
        CAPABILITIES.forEach(c -> out.append("* `").append(c).append("`\n"));
        out.append("\n## Settings\n\n| Setting | Required | Default | Description |\n|:--|:--:|:--:|:--|\n");
        JsonNode schema = settings.json();
        List<String> required = Json.stringList(schema.get("required"));
        schema.path("properties").fields().forEachRemaining(field -> out.append("| ").append(field.getKey())
                .append(" | ").append(required.contains(field.getKey()) ? "True" : "False")
                .append(" | ").append(field.getValue().has("default") ? field.getValue().get("default").asText() : "None")
                .append(" | ").append(field.getValue().path("description").asText().replace("|", "\\|")).append(" |\n"));
        out.append("\nA full list of supported settings and capabilities is available by running: `tap-intercom --about`\n");
        return out.toString();
    }

    static String envName(String setting) {
        return ConfigLoader.ENV_PREFIX + setting.toUpperCase(Locale.ROOT);
    }
}
