package org.peershelf.installer;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * dpkg on this machine. Other builds may run dpkg or apt at the same moment (the machine is shared), so
 * a call that finds dpkg's lock taken is retried for a while instead of failing the test.
 */
final class Dpkg {
    private static final Duration LOCK_WAIT = Duration.ofMinutes(3);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(3);

    private Dpkg() {
    }

    static Shell.Result install(Path deb) {
        return locked(List.of("dpkg", "-i", deb.toString()));
    }

    /** What a user does: removes the package's files (dpkg keeps a record until purged). */
    static Shell.Result remove(String packageName) {
        return locked(List.of("dpkg", "-r", packageName));
    }

    /** Removes the package with its configuration and dpkg's record of it. */
    static Shell.Result purge(String packageName) {
        return locked(List.of("dpkg", "--purge", packageName));
    }

    /** The installed version, empty when the package is not installed (or only its config files are left). */
    static Optional<String> installedVersion(String packageName) {
        Shell.Result result = Shell.run("dpkg-query", "-W", "-f=${db:Status-Abbrev} ${Version}", packageName);
        if (!result.ok()) {
            return Optional.empty();
        }
        String[] parts = result.output().trim().split("\\s+");
        return parts.length == 2 && parts[0].startsWith("i") ? Optional.of(parts[1]) : Optional.empty();
    }

    /** Whether dpkg knows the package in any state (installed, half-installed, config files left...). */
    static boolean known(String packageName) {
        Shell.Result result = Shell.run("dpkg-query", "-W", "-f=${db:Status-Abbrev}", packageName);
        return result.ok() && !result.output().isBlank() && !result.output().startsWith("un");
    }

    /** The packages installed under names matching a dpkg-query glob, e.g. {@code peershelf-it-*}. */
    static List<String> packagesMatching(String glob) {
        Shell.Result result = Shell.run("dpkg-query", "-W", "-f=${Package}\\n", glob);
        List<String> names = new ArrayList<>();
        if (result.ok()) {
            result.output().lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(names::add);
        }
        return names;
    }

    /** The packages a .deb depends on that are not installed here (alternatives "a | b" count as one). */
    static List<String> missingDependencies(Path deb) {
        String depends = Shell.run("dpkg-deb", "-f", deb.toString(), "Depends").orFail().output().trim();
        List<String> missing = new ArrayList<>();
        for (String dependency : depends.split(",")) {
            if (dependency.isBlank()) {
                continue;
            }
            boolean anyInstalled = false;
            for (String alternative : dependency.split("\\|")) {
                String name = alternative.trim().split("[\\s(]")[0];
                anyInstalled |= installedVersion(name).isPresent();
            }
            if (!anyInstalled) {
                missing.add(dependency.trim());
            }
        }
        return missing;
    }

    private static Shell.Result locked(List<String> command) {
        AtomicReference<Shell.Result> last = new AtomicReference<>();
        await("dpkg's lock for " + String.join(" ", command)).atMost(LOCK_WAIT).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Shell.Result result = Shell.run(command, Map.of("DEBIAN_FRONTEND", "noninteractive"), CALL_TIMEOUT);
                    last.set(result);
                    return result.ok() || !lockTaken(result.output());
                });
        return last.get();
    }

    private static boolean lockTaken(String output) {
        return output.contains("lock") && (output.contains("locked by another process")
                || output.contains("Resource temporarily unavailable") || output.contains("is locked"));
    }
}
