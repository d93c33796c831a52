package io.tapintercom.cli;

import io.tapintercom.config.BadInputException;
import io.tapintercom.config.ConfigLoader;
import io.tapintercom.config.TapConfig;
import io.tapintercom.config.Version;
import io.tapintercom.intercom.IntercomApiException;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.MessageWriter;
import io.tapintercom.singer.OutputClosedException;
import io.tapintercom.singer.transform.RecordValidator.RecordMismatchException;
import io.tapintercom.sync.StreamUnreadableException;
import io.tapintercom.sync.SyncException;
import io.tapintercom.sync.SyncFailures;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The command-line entry point: parses the flags, picks the mode, and turns every failure into one
 * CRITICAL line and an exit status (0 success, 1 failed sync, 2 bad input).
 */
public final class TapIntercom {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private final TapEnvironment env;
    /** INFO until the flags say otherwise; redacts the secrets the config loader finds. */
    private volatile Logger log;
    private volatile MessageWriter writer;

    public TapIntercom(TapEnvironment env) {
        this.env = env;
        this.log = Logger.to(env.stderr());
    }

    public static void main(String[] args) {
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // Only the message writer may touch stdout; anything a library prints goes to stderr.
        System.setOut(stderr);
        TapIntercom tap = new TapIntercom(TapEnvironment.system(stdout, stderr));
        Thread hook = new Thread(() -> {
            tap.log.warn("stopped by a signal: every complete message is flushed, and the last STATE written stands");
            tap.stop();
        }, "tap-intercom-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = tap.run(args);
        Runtime.getRuntime().removeShutdownHook(hook);
        tap.stop();
        System.exit(status);
    }

    public int run(String[] args) {
        try {
            TapArgs parsed = TapArgs.parse(args);
            configureLogging(parsed);
            return dispatch(parsed);
        } catch (BadInputException e) {
            e.problems().forEach(problem -> log.critical("%s", problem));
            return BAD_INPUT;
        } catch (OutputClosedException e) {
            log.critical("%s; stopping", e.getMessage());
            return FAILED;
        } catch (IntercomApiException | SyncException | StreamUnreadableException | RecordMismatchException e) {
            log.critical("%s", e.getMessage());
            return FAILED;
        } catch (SyncFailures e) {
            // Several streams failed while the others finished: one line each (once: a rejected token fails them all alike).
            e.failures().stream().map(failure -> log.redact(String.valueOf(failure.getMessage()))).distinct()
                    .forEach(line -> log.critical("%s", line));
            return FAILED;
        } catch (RuntimeException | Error e) {
            log.critical("unexpected error: %s", e); // the logger redacts the run's secrets in every line
            if (log.enabled(Logger.Level.DEBUG)) {
                e.printStackTrace(env.stderr());
            } else {
                log.critical("run with --log-level debug for the stack trace");
            }
            return FAILED;
        } finally {
            MessageWriter current = writer;
            if (current != null) {
                current.close();
            }
        }
    }

    private int dispatch(TapArgs args) {
        if (args.help()) {
            print(TapArgs.usage());
            return OK;
        }
        if (args.version()) {
            print(Version.NAME + " " + Version.version() + "\n");
            return OK;
        }
        if (args.about()) {
            return new AboutCommand(env, new ConfigLoader(env.variables(), env.clock(), log.secrets()).schema()).run(args.format());
        }
        if (args.demo()) {
            return new DemoCommand(env, log, this::openWriter).run(args);
        }
        TapConfig config = new ConfigLoader(env.variables(), env.clock(), log.secrets()).load(args.configs());
        if (args.discover()) {
            return new DiscoverCommand(env, log).run(config);
        }
        return new SyncCommand(env, log, this::openWriter).run(config, args);
    }

    /** --help and --version answer on stdout, like any command; no sync runs, so no Singer stream is disturbed. */
    private void print(String text) {
        try {
            env.stdout().write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            env.stdout().flush();
        } catch (java.io.IOException e) {
            throw new OutputClosedException(e);
        }
    }

    private MessageWriter openWriter(TapConfig config) {
        writer = new MessageWriter(env.stdout(), env.clock(), config.stripNulCharacters());
        return writer;
    }

    /** On SIGTERM/SIGINT: every complete message is flushed, nothing after; the last STATE stands. */
    void stop() {
        MessageWriter current = writer;
        if (current != null) {
            current.close();
        }
    }

    private void configureLogging(TapArgs args) {
        String requested = args.logLevel() != null ? args.logLevel()
                : env.variables().getOrDefault("TAP_INTERCOM_LOGLEVEL", env.variables().get("LOGLEVEL"));
        if (requested == null) {
            return;
        }
        Logger.Level level = Logger.parseLevel(requested);
        if (level == null) {
            throw new BadInputException("log level " + Json.quote(requested) + " is not one of debug, info, warning, error, critical");
        }
        log = log.atLevel(level);
    }
}
