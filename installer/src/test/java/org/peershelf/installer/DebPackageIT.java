package org.peershelf.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Builds the .deb with installer/build.sh, installs it on this machine with dpkg, runs the installed
 * {@code registry} and headless {@code node} commands, upgrades to a newer build over it and checks the peer
 * keeps its identity, then removes the package ({@code dpkg -r}) and checks nothing of it is left but the
 * user's data.
 *
 * <p>The package gets a name of its own ({@code peershelf-it-<pid>}, in /opt/peershelf-it-<pid>, command
 * /usr/bin/peershelf-it-<pid>), so it never touches a real PeerShelf installed here nor another build
 * running this test at the same moment. It is packed uncompressed to save time; the release .deb uses xz.
 */
@Tag("integration")
class DebPackageIT {
    private static final Pattern ONLINE = Pattern.compile("^ONLINE device=([0-9a-f]{40}) ");
    private static final Pattern OFFLINE = Pattern.compile("^OFFLINE device=");
    private static final Pattern REGISTRY = Pattern.compile("^REGISTRY listening uri=(\\S+)");
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(30);
    private static final String PREFIX = "peershelf-it-";
    private static final int SIGTERM_EXIT = 143;

    private final String packageName = PREFIX + ProcessHandle.current().pid();
    private final Path appDir = Path.of("/opt", packageName);
    private final Path command = Path.of("/usr/bin", packageName);
    private final Path serverCommand = Path.of("/usr/bin", packageName + "-server");
    private final Path desktopEntry = Path.of("/usr/share/applications", packageName + ".desktop");
    private final Path icon = Path.of("/usr/share/icons/hicolor/128x128/apps", packageName + ".png");
    private final Path installerDir = Path.of(System.getProperty("peershelf.installer.dir", "."));
    private final Path appTarget = Path.of(System.getProperty("peershelf.app.target", "../app/target"));
    private final Path out = Path.of(System.getProperty("peershelf.installer.it.out", "target/it"));
    private final List<InstalledProcess> processes = new ArrayList<>();
    private Path work;

    @BeforeEach
    void needsDebianToolsAndRoot() throws IOException {
        require(System.getProperty("os.name").startsWith("Linux"), "skipped: a .deb is built and installed on Linux only");
        Path jpackage = Path.of(System.getProperty("java.home"), "bin", "jpackage");
        require(Files.isExecutable(jpackage), "skipped: no jpackage in " + jpackage.getParent() + " (needs a full JDK 17)");
        for (String tool : List.of("fakeroot", "dpkg", "dpkg-deb", "dpkg-query", "unzip")) {
            require(Shell.onPath(tool), "skipped: " + tool + " is not on the PATH (apt-get install fakeroot dpkg-dev unzip)");
        }
        require("0".equals(Shell.run("id", "-u").output().trim()), "skipped: installing a .deb with dpkg -i needs root");
        require(!Boolean.getBoolean("skipInstallerIT"), "skipped: -DskipInstallerIT");
        assertThat(appTarget.resolve("peershelf.jar")).as("the app module's jar (build the app first)").exists();
        purgeLeftoversOfKilledRuns();
        work = Files.createTempDirectory("peershelf-installer-it-");
    }

    @Test
    @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
    void installedPackageRunsHeadlessKeepsTheProfileOverAnUpgradeAndRemovesWhatItInstalled() throws Exception {
        long started = System.nanoTime();
        Path first = build("0~it1");
        Path second = newerVersionOf(first, "0~it2");
        progress("built the .deb and a newer version of it", started);
        List<String> missing = Dpkg.missingDependencies(first);
        require(missing.isEmpty(), "skipped: the package needs " + missing + " (apt-get install them; .ci/run does)");
        Path profile = work.resolve("home/.peershelf/default");
        Throwable failure = null;
        try {
            Dpkg.install(first).orFail();
            progress("installed", started);
            assertThat(Dpkg.installedVersion(packageName)).contains(debVersion(first));
            assertIntegratedIntoTheSystem();
            FileTime installed = FileTime.from(Instant.now());

            InstalledProcess registry = start("registry", "--port", freePort(), "--data", work.resolve("registry").toString());
            String uri = registry.awaitLine(REGISTRY, START).group(1);
            InstalledProcess node = startServer("node", "--profile", profile.toString(), "--name", "Installer Test",
                    "--registry", uri, "--status-every", "0");
            String device = node.awaitLine(ONLINE, START).group(1);
            progress("installed peer online", started);
            assertThat(node.stop(STOP)).as(node.describe("exit code")).isIn(0, SIGTERM_EXIT);
            assertThat(node.lines()).as("goes offline cleanly").anyMatch(line -> OFFLINE.matcher(line).find());
            registry.stop(STOP);

            Dpkg.install(second).orFail();
            progress("upgraded", started);
            assertThat(Dpkg.installedVersion(packageName)).as("upgraded").contains(debVersion(second));
            assertIntegratedIntoTheSystem();
            // no --profile: the default, ~/.peershelf/default of a user whose home is work/home
            InstalledProcess upgraded = start(Map.of("JAVA_TOOL_OPTIONS", "-Duser.home=" + work.resolve("home")),
                    "node", "--embedded-port", freePort(), "--status-every", "0");
            assertThat(upgraded.awaitLine(ONLINE, START).group(1))
                    .as("the same device, from the user's profile folder, after the upgrade").isEqualTo(device);
            upgraded.stop(STOP);
            progress("upgraded peer online as the same device", started);
            assertThat(filesChangedSince(appDir, installed)).as("the app writes nothing where it is installed").isEmpty();
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            processes.forEach(InstalledProcess::close);
            try {
                Shell.Result removal = Dpkg.remove(packageName);
                if (failure == null) {
                    removal.orFail();
                    assertRemoved(profile);
                }
            } finally {
                Dpkg.purge(packageName);   // whatever happened above: nothing of the test package stays
            }
        }
        progress("removed", started);
        assertThat(Dpkg.known(packageName)).as("dpkg still knows " + packageName + " after --purge").isFalse();
    }

    private void assertRemoved(Path profile) {
        assertThat(Dpkg.installedVersion(packageName)).as("installed after dpkg -r").isEmpty();
        for (Path path : List.of(appDir, command, serverCommand, desktopEntry, icon)) {
            assertThat(Files.exists(path, LinkOption.NOFOLLOW_LINKS)).as(path + " left after dpkg -r").isFalse();
        }
        assertThat(profile.resolve("device-key.json")).as("the user's data outlives the package").exists();
    }

    @AfterEach
    void cleanUp() throws IOException {
        processes.forEach(InstalledProcess::close);
        if (work != null) {
            deleteTree(work);
        }
        deleteTree(out);
    }

    private static void progress(String step, long startedNanos) {
        System.out.printf("DebPackageIT: %s after %d s%n", step, (System.nanoTime() - startedNanos) / 1_000_000_000L);
    }

    /** An assumption whose reason also reaches the build log (failsafe shows only "Skipped: 1"). */
    private static void require(boolean condition, String reason) {
        if (!condition) {
            System.out.println("DebPackageIT " + reason);
        }
        assumeTrue(condition, reason);
    }

    private void assertIntegratedIntoTheSystem() throws IOException {
        assertThat(Files.readSymbolicLink(command)).isEqualTo(appDir.resolve("bin/peershelf"));
        assertThat(Shell.run(command.toString(), "--version").orFail().output()).contains("PeerShelf");
        assertThat(Files.readSymbolicLink(serverCommand)).isEqualTo(appDir.resolve("bin/peershelf-server"));
        assertThat(Files.readString(appDir.resolve("lib/app/peershelf-server.cfg"))).as("the lean JVM of headless peers")
                .contains("java-options=-XX:+UseSerialGC", "java-options=-Xms16m", "java-options=-Xmx96m",
                        "java-options=-XX:TrimNativeHeapInterval=5000", "java-options=-XX:MaxNodeLimit=20000");
        assertThat(Files.readString(desktopEntry)).contains("Name=PeerShelf", "Categories=Education;Science;",
                "Exec=" + appDir.resolve("bin/peershelf"), "Icon=" + packageName);
        assertThat(icon).exists();
        String runtimeModules = Files.readAllLines(appDir.resolve("lib/runtime/release")).stream()
                .filter(line -> line.startsWith("MODULES=")).findFirst().orElse("");
        assertThat(runtimeModules).as("a trimmed runtime with JavaFX")
                .contains("java.base", "javafx.controls", "jdk.crypto.ec").doesNotContain("jdk.compiler", "jdk.jshell");
    }

    private Path build(String release) {
        Map<String, String> env = Map.of("PACKAGE_NAME", packageName, "DEB_RELEASE", release,
                "OUT_DIR", out.toString(), "APP_TARGET", appTarget.toString(),
                "JAVA_HOME", System.getProperty("java.home"), "DPKG_DEB_COMPRESSOR_TYPE", "none");
        Shell.Result result = Shell.run(List.of(installerDir.resolve("build.sh").toString(), "deb"), env,
                Duration.ofMinutes(8)).orFail();
        String last = result.output().lines().filter(line -> line.endsWith(".deb") || line.contains(".deb ("))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("build.sh named no .deb:\n" + result.output()));
        Path deb = Path.of(last.replaceFirst("^installer: ", "").replaceFirst(" \\(.*$", ""));
        assertThat(deb).exists();
        return deb;
    }

    /**
     * The same package with a higher Debian revision, as the next build would be; repacked rather than
     * built again (jpackage takes a minute here), which for dpkg is an upgrade like any other.
     */
    private Path newerVersionOf(Path deb, String release) throws IOException {
        Path tree = work.resolve("repack");
        Shell.run("dpkg-deb", "-R", deb.toString(), tree.toString()).orFail();
        String version = debVersion(deb);
        String newer = version.replaceFirst("-[^-]*$", "-" + release);
        Path control = tree.resolve("DEBIAN/control");
        Files.writeString(control, Files.readString(control).replace("Version: " + version, "Version: " + newer));
        Path newerDeb = deb.resolveSibling(packageName + "_" + newer + ".deb");
        Shell.run("dpkg-deb", "-Znone", "-b", tree.toString(), newerDeb.toString()).orFail();
        deleteTree(tree);
        assertThat(debVersion(newerDeb)).isEqualTo(newer);
        return newerDeb;
    }

    private InstalledProcess start(String... args) {
        return start(Map.of(), args);
    }

    /** Through the headless launcher, peershelf-server, with its lean JVM options. */
    private InstalledProcess startServer(String... args) {
        return start(serverCommand, Map.of(), args);
    }

    private InstalledProcess start(Map<String, String> env, String... args) {
        return start(command, env, args);
    }

    private InstalledProcess start(Path launcher, Map<String, String> env, String... args) {
        List<String> line = new ArrayList<>(List.of(launcher.toString()));
        line.addAll(List.of(args));
        InstalledProcess process = InstalledProcess.start(line, env);
        processes.add(process);
        return process;
    }

    private static String debVersion(Path deb) {
        return Shell.run("dpkg-deb", "-f", deb.toString(), "Version").orFail().output().trim();
    }

    /** A run killed half-way (SIGKILL, power cut) leaves its package installed; its pid no longer lives. */
    private static void purgeLeftoversOfKilledRuns() {
        for (String name : Dpkg.packagesMatching(PREFIX + "*")) {
            String pid = name.substring(PREFIX.length());
            boolean alive = pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isPresent();
            if (!alive) {
                Dpkg.purge(name);
            }
        }
    }

    private static List<Path> filesChangedSince(Path dir, FileTime time) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> modified(file).compareTo(time) > 0).toList();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
