package org.peershelf.app.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peershelf.protocol.identity.DeviceId;

/** A headless peer in its own OS process ({@code peershelf node}), so a test can SIGKILL it. */
final class PeerProcess implements AutoCloseable {
    private static final Pattern ONLINE = Pattern.compile("ONLINE device=([0-9a-f]{40}) port=(\\d+)");

    private final Process process;
    private final CompletableFuture<DeviceId> online = new CompletableFuture<>();
    private final List<String> output = new ArrayList<>();

    private PeerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "peer-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static PeerProcess start(Path profile, String registryUri, String name, Duration heartbeat, String... extraArgs)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-cp", classPath(), "org.peershelf.app.Main", "node",
                "--profile", profile.toString(), "--registry", registryUri, "--name", name,
                "--heartbeat-ms", String.valueOf(heartbeat.toMillis()), "--status-every", "0"));
        command.addAll(List.of(extraArgs));
        return new PeerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    DeviceId awaitOnline(Duration timeout) throws Exception {
        try {
            return online.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("peer process did not come online; output:\n" + String.join("\n", output()), e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nobody is told. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    synchronized List<String> output() {
        return List.copyOf(output);
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (this) {
                    output.add(line);
                }
                Matcher m = ONLINE.matcher(line);
                if (m.find()) {
                    online.complete(DeviceId.of(m.group(1)));
                }
            }
        } catch (IOException e) {
            online.completeExceptionally(e);
        }
        online.completeExceptionally(new IllegalStateException("the process ended"));
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
