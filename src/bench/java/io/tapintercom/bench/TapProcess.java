package io.tapintercom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tap as a user runs it: bin/tap-intercom in a process of its own, with the launcher's own JVM options
 * (TAP_INTERCOM_JAVA_OPTS only when given). Its stdout and stderr are tallied as they come, and its resident
 * set's high-water mark (VmHWM) is polled from /proc until it exits, so the figures are the real process's.
 */
final class TapProcess {
    private final Path launcher;

    TapProcess() {
        this.launcher = projectRoot().resolve("bin").resolve("tap-intercom");
    }

    /** The launcher's wall time for --version: JVM start-up and nothing else. */
    Duration startup() {
        return run(List.of("--version"), null).wall();
    }

    /** @param javaOpts TAP_INTERCOM_JAVA_OPTS, or null for the launcher's defaults */
    Result run(List<String> args, String javaOpts) {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.remove("TAP_INTERCOM_JAVA_OPTS");
        env.keySet().removeIf(name -> name.startsWith("TAP_INTERCOM_"));
        if (javaOpts != null) {
            env.put("TAP_INTERCOM_JAVA_OPTS", javaOpts);
        }
        RunTally tally = new RunTally();
        long started = System.nanoTime();
        try {
            Process process = builder.start();
            Thread out = pump(process.getInputStream(), tally.stdout());
            Thread err = pump(process.getErrorStream(), tally.stderr(true));
            long peakKb = 0;
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            while (!process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                peakKb = Math.max(peakKb, highWaterMarkKb(status));
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            out.join();
            err.join();
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the tap failed (exit " + process.exitValue() + ")");
            }
            return new Result(tally, wall, peakKb * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long highWaterMarkKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is exiting: its last reading stands
        }
        return 0;
    }

    private static Thread pump(InputStream from, OutputStream to) {
        Thread thread = new Thread(() -> {
            try (from) {
                from.transferTo(to);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "tap-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The checkout this benchmark runs from: target/test-classes is two levels below it. */
    private static Path projectRoot() {
        try {
            Path classes = Path.of(TapProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    record Result(RunTally tally, Duration wall, long peakRssBytes) {
        double seconds() {
            return wall.toNanos() / 1e9;
        }
    }
}
