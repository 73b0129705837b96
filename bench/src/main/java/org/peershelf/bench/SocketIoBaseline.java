package org.peershelf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The reference: the same room relayed by a Node.js Socket.IO server. Installs socket.io and socket.io-client with
 * npm into a temporary folder (nothing is committed from node_modules) and runs bench/socketio/relay-bench.js.
 */
final class SocketIoBaseline {
    private SocketIoBaseline() {
    }

    static List<RoomLatency.Result> run(Path script, int members, double seconds, List<Integer> rates)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("peershelf-bench-socketio");
        List<String> out;
        try {
            Files.copy(script, dir.resolve("relay-bench.js"), StandardCopyOption.REPLACE_EXISTING);
            exec(dir, 300, "npm", "install", "--silent", "--no-audit", "--no-fund", "socket.io", "socket.io-client");
            List<String> rateList = new ArrayList<>();
            rateList.add(String.valueOf(rates.get(0))); // warm-up, dropped
            rates.forEach(r -> rateList.add(String.valueOf(r)));
            out = exec(dir, 600, "node", "relay-bench.js", String.valueOf(members), String.valueOf(seconds),
                    String.join(",", rateList));
        } finally {
            TempTrees.delete(dir); // node_modules, fetched again next run
        }
        ObjectMapper json = new ObjectMapper();
        List<RoomLatency.Result> results = new ArrayList<>();
        for (String line : out) {
            if (line.startsWith("{")) {
                JsonNode n = json.readTree(line);
                double p99 = n.get("p99").isNull() ? Double.POSITIVE_INFINITY : n.get("p99").asDouble();
                results.add(new RoomLatency.Result(n.get("rate").asInt(), n.get("sent").asInt(), n.get("delivered").asInt(),
                        n.get("p50").asDouble(), p99, Double.NaN, Double.NaN, Double.NaN, Double.NaN)); // Node's CPU: not measured
            }
        }
        if (!results.isEmpty()) {
            results.remove(0);
        }
        return results;
    }

    private static List<String> exec(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        List<String> lines;
        try (InputStream in = process.getInputStream()) {
            lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().collect(Collectors.toList());
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n" + String.join("\n", lines));
        }
        return lines;
    }
}
