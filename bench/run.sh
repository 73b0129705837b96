#!/usr/bin/env bash
# Builds the project and runs one benchmark: bench/run.sh <ClassName> [args…]
# e.g. bench/run.sh StartupBenchmark 9   |   bench/run.sh MeshBenchmark 50
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
cp="bench/target/bench-0.1.0-SNAPSHOT.jar:$(ls bench/target/lib/*.jar | tr '\n' ':')"
exec java -cp "$cp" "org.peershelf.bench.$1" "${@:2}"
