#!/usr/bin/env bash
# Starts the desktop app under Xvfb with three colleagues online (in-memory registry, headless peers),
# walks through onboarding and every tab, and saves one PNG per screen in docs/screenshots/.
# Needs xvfb and libgtk-3-0 (.ci/run installs them). Usage: docs/screenshots/take.sh [output-folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-docs/screenshots}"

mvn -B -q -DskipTests package dependency:build-classpath -pl app -am \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="app/target/test-classes:app/target/classes:$(cat app/target/test-classpath.txt)"

xvfb-run -a -s "-screen 0 1280x900x24" \
  java -cp "$cp" org.peershelf.app.desktop.ui.ScreenshotTour "$out"
ls -l "$out"/*.png
