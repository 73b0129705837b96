package org.peershelf.app.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.peershelf.protocol.identity.DeviceId;

/**
 * A headless peer ({@code peershelf node}) in its own OS process, so a test can SIGKILL it: lines from its stdout,
 * and commands on its stdin when it runs with {@code --chat-console}.
 */
public final class NodeProcess implements AutoCloseable {
    private final Process process;
    private final Writer stdin;
    private final List<String> output = new ArrayList<>();

    private NodeProcess(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "node-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code peershelf node} with this profile and registry; {@code extraArgs} go after the common ones. */
    public static NodeProcess start(Path profile, String registryUri, String name, Duration heartbeat,
                                    String... extraArgs) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-cp", classPath(), "org.peershelf.app.Main",
                "node", "--profile", profile.toString(), "--registry", registryUri, "--name", name,
                "--heartbeat-ms", String.valueOf(heartbeat.toMillis()), "--status-every", "0"));
        command.addAll(List.of(extraArgs));
        return new NodeProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    public synchronized void send(String command) throws IOException {
        stdin.write(command + "\n");
        stdin.flush();
    }

    /** The first line (from index {@code from} on) that matches, waiting for it. */
    public String await(int from, Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            while (true) {
                for (int i = from; i < output.size(); i++) {
                    if (matches.test(output.get(i))) {
                        return output.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && from >= output.size()) {
                    throw new AssertionError("no matching line; output:\n" + String.join("\n", output));
                }
                output.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    public DeviceId awaitOnline(Duration timeout) throws InterruptedException {
        String line = await(0, l -> l.startsWith("ONLINE device="), timeout);
        return DeviceId.of(line.replaceAll(".*device=([0-9a-f]{40}).*", "$1"));
    }

    public int size() {
        synchronized (output) {
            return output.size();
        }
    }

    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** Sends a command and returns the lines it printed up to (not including) the line matching {@code end}. */
    public List<String> ask(String command, Predicate<String> end, Duration timeout) throws IOException, InterruptedException {
        int from = size();
        send(command);
        String last = await(from, end, timeout);
        List<String> lines = output();
        return lines.subList(from, lines.indexOf(last) >= from ? lines.subList(from, lines.size()).indexOf(last) + from
                : lines.size());
    }

    /** SIGKILL: no shutdown hook runs, nobody is told. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        synchronized (output) {
            output.notifyAll();
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
