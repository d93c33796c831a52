package io.tapintercom.cli;

import io.tapintercom.config.BadInputException;
import io.tapintercom.config.ConfigLoader;
import io.tapintercom.config.TapConfig;
import io.tapintercom.config.Version;
import io.tapintercom.intercom.IntercomApiException;
import io.tapintercom.singer.Log;
import io.tapintercom.singer.MessageWriter;
import io.tapintercom.singer.OutputClosedException;
import io.tapintercom.singer.transform.RecordValidator.RecordMismatchException;
import io.tapintercom.sync.SyncException;
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
    private volatile MessageWriter writer;

    public TapIntercom(TapEnvironment env) {
        this.env = env;
    }

    public static void main(String[] args) {
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // Only the message writer may touch stdout; anything a library prints goes to stderr.
        System.setOut(stderr);
        TapIntercom tap = new TapIntercom(TapEnvironment.system(stdout, stderr));
        Thread hook = new Thread(() -> {
            Log.warn("stopped by a signal: every complete message is flushed, and the last STATE written stands");
            tap.stop();
        }, "tap-intercom-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = tap.run(args);
        Runtime.getRuntime().removeShutdownHook(hook);
        tap.stop();
        System.exit(status);
    }

    public int run(String[] args) {
        Log.setSink(env.stderr());
        try {
            TapArgs parsed = TapArgs.parse(args);
            configureLogging(parsed);
            return dispatch(parsed);
        } catch (BadInputException e) {
            e.problems().forEach(problem -> Log.critical("%s", problem));
            return BAD_INPUT;
        } catch (OutputClosedException e) {
            Log.critical("%s; stopping", e.getMessage());
            return FAILED;
        } catch (IntercomApiException | SyncException | RecordMismatchException e) {
            Log.critical("%s", e.getMessage());
            return FAILED;
        } catch (RuntimeException | Error e) {
            Log.critical("unexpected error: %s", Log.redact(String.valueOf(e)));
            if (Log.enabled(Log.Level.DEBUG)) {
                e.printStackTrace(env.stderr());
            } else {
                Log.critical("run with --log-level debug for the stack trace");
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
            return new AboutCommand(env, new ConfigLoader(env.variables(), env.clock()).schema()).run(args.format());
        }
        if (args.demo()) {
            return new DemoCommand(env, this::openWriter).run(args);
        }
        TapConfig config = new ConfigLoader(env.variables(), env.clock()).load(args.configs());
        if (args.discover()) {
            return new DiscoverCommand(env).run(config);
        }
        return new SyncCommand(env, this::openWriter).run(config, args);
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
            Log.setLevel(Log.Level.INFO);
            return;
        }
        Log.Level level = Log.parseLevel(requested);
        if (level == null) {
            throw new BadInputException("log level \"" + requested + "\" is not one of debug, info, warning, error, critical");
        }
        Log.setLevel(level);
    }
}
