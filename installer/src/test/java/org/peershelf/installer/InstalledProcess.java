package org.peershelf.installer;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/** A long-running command of the installed package (a headless peer or a registry), with its output lines. */
final class InstalledProcess implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private InstalledProcess(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        this.reader = new Thread(this::readOutput, "installed-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static InstalledProcess start(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            return new InstalledProcess(command, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + String.join(" ", command), e);
        }
    }

    /** Waits for a line matching the pattern and returns its match; fails with all output so far. */
    Matcher awaitLine(Pattern pattern, Duration timeout) {
        try {
            await(pattern.pattern()).atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> find(pattern).isPresent() || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(describe("printed no line matching " + pattern + " within " + timeout), e);
        }
        return find(pattern).orElseThrow(() -> new AssertionError(describe("exited before printing " + pattern)));
    }

    /**
     * SIGTERM, as a logout or {@code kill} would send; the peer's shutdown hook takes it offline. Returns the
     * exit code (143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited on the signal) once every
     * line the process printed has been read.
     */
    int stop(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();   // not Process.destroy(): that also closes our end of its output
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError(describe("did not exit within " + timeout + " of SIGTERM"));
        }
        reader.join(timeout.toMillis());
        return process.exitValue();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    String describe(String problem) {
        return String.join(" ", command) + " " + problem + "; output:\n" + String.join("\n", lines());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Optional<Matcher> find(Pattern pattern) {
        return lines.stream().map(pattern::matcher).filter(Matcher::find).findFirst();
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the process is gone; what it printed so far is kept
        }
    }
}
