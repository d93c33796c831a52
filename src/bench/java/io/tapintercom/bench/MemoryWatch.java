package io.tapintercom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak memory of this JVM while a benchmark runs: heap in use (sampled), and the resident set's high-water mark. */
final class MemoryWatch implements AutoCloseable {
    /** Clock ticks a second in /proc's CPU times: USER_HZ, 100 on every Linux the JDK runs on. */
    static final double TICKS_PER_SECOND = 100.0;

    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakHeapUsed;

    MemoryWatch() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        sampler = new Thread(() -> {
            while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peakHeapUsed = Math.max(peakHeapUsed, used);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakHeapUsedBytes() {
        return peakHeapUsed;
    }

    /** CPU time of this process so far, in seconds (all its threads, user and system). */
    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /**
     * CPU time of this JVM's JIT compiler threads so far, in seconds (/proc, Linux; 0 elsewhere): part of
     * processCpuSeconds, but not the tap's work. Run with -XX:-UseDynamicNumberOfCompilerThreads, or a compiler
     * thread that ends takes its time with it.
     */
    static double compileSeconds() {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                ticks += compilerTicks(task.resolve("stat"));
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** utime + stime, in ticks, of a process's or thread's /proc stat line (fields 14 and 15 of proc(5)). */
    static long cpuTicks(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** utime + stime of a thread whose name is a JIT compiler's ("C2 CompilerThre"), else 0. */
    private static long compilerTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            int nameEnd = line.lastIndexOf(')');
            if (!line.substring(line.indexOf('(') + 1, nameEnd).contains("CompilerThre")) {
                return 0;
            }
            return cpuTicks(line);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }

    /** VmHWM of this process, in bytes; -1 where /proc is not there. */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
