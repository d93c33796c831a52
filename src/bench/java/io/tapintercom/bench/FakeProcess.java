package io.tapintercom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake Intercom in a process of its own, so the benchmark's memory figures are the tap's alone.
 * It prints "Fake Intercom (...) at URL token=T" once it listens.
 */
final class FakeProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("at (http://\\S+) token=(\\S+)");
    private final Process process;
    private final String baseUrl;
    private final String token;

    FakeProcess(List<String> fakeArgs) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        String fakeJavaOptions = System.getenv("BENCH_FAKE_JAVA_OPTS"); // a profiler's agent, say
        if (fakeJavaOptions != null && !fakeJavaOptions.isBlank()) {
            command.addAll(List.of(fakeJavaOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.tapintercom.fake.FakeIntercom", "--port", "0"));
        command.addAll(fakeArgs);
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    baseUrl = ready.group(1);
                    token = ready.group(2);
                    return;
                }
            }
            throw new IllegalStateException("the fake Intercom process exited before listening");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    String token() {
        return token;
    }

    /**
     * CPU seconds the fake has used so far (/proc, Linux; 0 elsewhere). When the tap and the fake share the
     * machine's cores and neither waits on latency, wall time is about their CPU together over the cores.
     */
    double cpuSeconds() {
        try {
            String line = java.nio.file.Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return MemoryWatch.cpuTicks(line) / MemoryWatch.TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
