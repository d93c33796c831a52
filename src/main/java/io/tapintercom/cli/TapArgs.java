package io.tapintercom.cli;

import io.tapintercom.config.BadInputException;
import io.tapintercom.singer.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** The command line, parsed once into an immutable value; nothing else sees the raw arguments. */
public record TapArgs(List<String> configs, boolean discover, String catalog, String properties, String state,
                      boolean about, String format, String test, boolean demo, String logLevel, boolean help,
                      boolean version) {

    static final Options OPTIONS = new Options()
            .addOption(Option.builder("c").longOpt("config").hasArg().argName("FILE|ENV")
                    .desc("settings file (repeatable, later files win); ENV reads TAP_INTERCOM_* variables").build())
            .addOption(Option.builder("d").longOpt("discover").desc("print the catalog and exit").build())
            .addOption(Option.builder().longOpt("catalog").hasArg().argName("FILE")
                    .desc("catalog with the streams and fields to sync (default: every stream)").build())
            .addOption(Option.builder("p").longOpt("properties").hasArg().argName("FILE")
                    .desc("legacy name of --catalog").build())
            .addOption(Option.builder("s").longOpt("state").hasArg().argName("FILE")
                    .desc("state from an earlier run: its last STATE message's value").build())
            .addOption(Option.builder().longOpt("about").desc("describe the tap (name, version, capabilities, settings)").build())
            .addOption(Option.builder().longOpt("format").hasArg().argName("json|markdown")
                    .desc("format of --about (default: text)").build())
            .addOption(Option.builder().longOpt("test").hasArg().optionalArg(true).argName("schema")
                    .desc("check the connection: one RECORD per selected stream (--test=schema: SCHEMA messages only)").build())
            .addOption(Option.builder().longOpt("demo")
                    .desc("sync a built-in sample workspace served on 127.0.0.1; needs no account").build())
            .addOption(Option.builder().longOpt("log-level").hasArg().argName("LEVEL")
                    .desc("debug, info (default), warning, error or critical").build())
            .addOption(Option.builder("h").longOpt("help").desc("show this help").build())
            .addOption(Option.builder("v").longOpt("version").desc("print the version").build());

    public static TapArgs parse(String[] args) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(OPTIONS, args);
        } catch (MissingArgumentException e) {
            Option option = e.getOption();
            String flag = option.getLongOpt() != null ? "--" + option.getLongOpt() : "-" + option.getOpt();
            throw new BadInputException(flag + " needs a value (" + option.getArgName() + "; see --help)");
        } catch (ParseException e) {
            throw new BadInputException(Json.escape(e.getMessage()).replace("Unrecognized option: ", "unknown option ")
                    + " (see --help)");
        }
        if (!line.getArgList().isEmpty()) {
            throw new BadInputException("unexpected argument " + Json.quote(line.getArgList().get(0)) + " (see --help)");
        }
        String test = line.hasOption("test") ? (line.getOptionValue("test") == null ? "all" : line.getOptionValue("test")) : null;
        if (test != null && !test.equals("all") && !test.equals("schema")) {
            throw new BadInputException("--test takes no value or \"schema\", not " + Json.quote(test));
        }
        String format = line.getOptionValue("format", "text").toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "markdown").contains(format)) {
            throw new BadInputException("--format must be json or markdown, not " + Json.quote(format));
        }
        String[] configs = line.getOptionValues("config");
        return new TapArgs(configs == null ? List.of() : Arrays.asList(configs), line.hasOption("discover"),
                line.getOptionValue("catalog"), line.getOptionValue("properties"), line.getOptionValue("state"),
                line.hasOption("about"), format, test, line.hasOption("demo"), line.getOptionValue("log-level"),
                line.hasOption("help"), line.hasOption("version"));
    }

    /** The catalog file to sync with: --catalog, else the legacy --properties. */
    public String catalogFile() {
        return catalog != null ? catalog : properties;
    }

    static String usage() {
        java.io.StringWriter text = new java.io.StringWriter();
        new HelpFormatter().printHelp(new java.io.PrintWriter(text), 100,
                "tap-intercom --config CONFIG [--discover | [--catalog CATALOG] [--state STATE]]",
                "Singer tap for Intercom: discovers a catalog, or syncs it as Singer messages on stdout.\n\n",
                OPTIONS, 2, 2, "\nLogs go to stderr. Exit status: 0 success, 1 sync failure, 2 bad input.\n", false);
        return text.toString();
    }
}
