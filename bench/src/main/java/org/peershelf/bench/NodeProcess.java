package org.peershelf.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A {@code peershelf node} in its own JVM, started with this JVM's class path; its output is kept line by line. */
final class NodeProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();

    private record Watch(Predicate<String> match, CompletableFuture<Long> at) {
    }

    private NodeProcess(Process process) {
        this.process = process;
        // a benchmark that fails or is stopped must not leave its peer running (and loading the next run)
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "node-process-reaper"));
        Thread reader = new Thread(this::read, "node-output");
        reader.setDaemon(true);
        reader.start();
    }

    static NodeProcess start(List<String> extraJvmArgs, String... nodeArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(extraJvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.peershelf.app.Main", "node"));
        command.addAll(List.of(nodeArgs));
        return new NodeProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Completes with System.nanoTime() of the first output line that matches (including lines already seen). */
    CompletableFuture<Long> when(Predicate<String> match) {
        CompletableFuture<Long> at = new CompletableFuture<>();
        watches.add(new Watch(match, at));
        if (lines.stream().anyMatch(match)) {
            at.complete(System.nanoTime());
        }
        return at;
    }

    /** Writes one line to the process's standard input (e.g. a {@code --chat-console} command). */
    void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size in MiB, read from /proc (Linux). */
    double residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /**
     * The process's threads grouped by name with digits dropped (Linux truncates names to 15 characters),
     * largest group first: says where per-link threads come from.
     */
    String threadGroups() throws IOException {
        java.util.Map<String, Long> groups;
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            groups = tasks.map(task -> {
                try {
                    return Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", "#");
                } catch (IOException e) {
                    return "(exited)";
                }
            }).collect(java.util.stream.Collectors.groupingBy(name -> name, java.util.stream.Collectors.counting()));
        }
        long total = groups.values().stream().mapToLong(Long::longValue).sum();
        return total + " threads: " + groups.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Output of a diagnostic command run against this process (e.g. {@code VM.native_memory summary}). */
    String jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    List<String> output() {
        return List.copyOf(lines);
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                long now = System.nanoTime();
                lines.add(line);
                for (Watch watch : watches) {
                    if (!watch.at().isDone() && watch.match().test(line)) {
                        watch.at().complete(now);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
