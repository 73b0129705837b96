package org.peershelf.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end, with its output (stdout and stderr together) kept for assertion messages. */
final class Shell {
    private Shell() {
    }

    record Result(List<String> command, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        /** Fails the test with the command and everything it printed. */
        Result orFail() {
            if (!ok()) {
                throw new AssertionError(String.join(" ", command) + " exited with " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    static Result run(List<String> command, Map<String, String> env, Duration timeout) {
        Path log = null;
        try {
            // output to a file, not a pipe: a chatty tool (jpackage) can never block on a full pipe
            log = Files.createTempFile("peershelf-installer-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(command, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    static Result run(String... command) {
        return run(List.of(command), Map.of(), Duration.ofMinutes(2));
    }

    /** Whether a program is on the PATH (what the shell would run). */
    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
