#!/usr/bin/env bash
# Window start-up time of the installed app: from launch to its window being mapped (viewable) on an X
# display, under Xvfb. Prints one line per run and the medians of the wall time and of the CPU time the
# app used until then (the CPU time is the steadier figure on a shared machine).
#
#   installer/measure-window-startup.sh [LAUNCHER] [RUNS]     (default: /usr/bin/peershelf, 5 runs)
#
# Environment:
#   WINDOW_TITLE    text in the window's title to wait for (default: PeerShelf, which matches both
#                   "Welcome to PeerShelf" on a first start and "PeerShelf — <name>" afterwards)
#   LOG_LINE        if set, also time the first output line containing it (e.g. a log line the app
#                   writes when its stage is shown)
#   PEERSHELF_ARGS  extra arguments for the launcher
#   BASELINE        a second launcher measured in the same runs, alternating with the first, for a ratio
#                   (e.g. BASELINE=/opt/peershelf-old/bin/peershelf, or a development build's app image)
#   FRESH_PROFILE   1: every run in a new empty user.home (first start); default 0: one user.home for
#                   all runs, so every run after the first is a returning user (the common case)
# The app runs with -Duser.home=<temp folder> (through JAVA_TOOL_OPTIONS), so it never touches the
# measuring user's ~/.peershelf. Needs Xvfb and xwininfo (apt-get install xvfb x11-utils).
set -euo pipefail

launcher="${1:-/usr/bin/peershelf}"
runs="${2:-5}"
title="${WINDOW_TITLE:-PeerShelf}"
timeout_s=60
command -v Xvfb >/dev/null && command -v xwininfo >/dev/null || { echo "needs Xvfb and xwininfo (apt-get install xvfb x11-utils)" >&2; exit 2; }
[ -x "$launcher" ] || { echo "no launcher $launcher (install the .deb, or pass installer/target/jpackage/peershelf/bin/peershelf)" >&2; exit 2; }

work="$(mktemp -d /tmp/peershelf-startup-XXXXXX)"
xvfb_pid="" app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# a display of our own: Xvfb picks a free number and writes it to the fd we give it
exec 3> "$work/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.05; done
export DISPLAY=":$(head -1 "$work/display")"
echo "display $DISPLAY, launcher $launcher, window title '*$title*'" >&2

now_ms() { date +%s%3N; }

# CPU time (user + system) the process has used so far: unlike the wall time, it hardly grows when
# other work shares the machine, so it tells what start-up costs when the wall time is noise
cpu_ms() {
  local ticks
  ticks=$(awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0)
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

mapped_window() {  # prints the id of a viewable window whose title contains $title
  local id
  for id in $(xwininfo -root -tree 2>/dev/null | grep -E "^ *0x[0-9a-f]+ \"[^\"]*$title" | awk '{print $1}'); do
    if xwininfo -id "$id" 2>/dev/null | grep -q "Map State: IsViewable"; then echo "$id"; return 0; fi
  done
  return 1
}

measure() {  # measure LAUNCHER RUN LABEL: prints the milliseconds until the window is mapped
  local launcher="$1" run="$2" label="$3" log="$work/$3-$2.log" start shown="" logged="" cpu=""
  start=$(now_ms)
  # shellcheck disable=SC2086
  JAVA_TOOL_OPTIONS="-Duser.home=$home" "$launcher" ${PEERSHELF_ARGS:-} > "$log" 2>&1 &
  app_pid=$!
  while [ $(( $(now_ms) - start )) -lt $(( timeout_s * 1000 )) ]; do
    if ! kill -0 "$app_pid" 2>/dev/null; then echo "$label run $run: the app exited before showing a window:" >&2; cat "$log" >&2; exit 1; fi
    if [ -n "${LOG_LINE:-}" ] && [ -z "$logged" ] && grep -qF "$LOG_LINE" "$log"; then logged=$(( $(now_ms) - start )); fi
    if [ -z "$shown" ] && mapped_window >/dev/null; then shown=$(( $(now_ms) - start )); cpu=$(cpu_ms "$app_pid"); fi
    [ -n "$shown" ] && { [ -z "${LOG_LINE:-}" ] || [ -n "$logged" ]; } && break
    sleep 0.02
  done
  [ -n "$shown" ] || { echo "$label run $run: no window titled '*$title*' within ${timeout_s}s:" >&2; cat "$log" >&2; exit 1; }
  echo "$label run $run: window mapped after ${shown} ms (${cpu} ms of CPU)${logged:+, '$LOG_LINE' after ${logged} ms}" >&2
  echo "$cpu" >> "$work/$label.cpu"
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  echo "$shown"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

times=() baseline_times=()
home="$work/home"
for run in $(seq 1 "$runs"); do
  [ "${FRESH_PROFILE:-0}" = "1" ] && home="$work/home-$run"
  mkdir -p "$home"
  times+=("$(measure "$launcher" "$run" app)")
  if [ -n "${BASELINE:-}" ]; then
    [ "${FRESH_PROFILE:-0}" = "1" ] && home="$work/baseline-home-$run" && mkdir -p "$home"
    baseline_times+=("$(measure "$BASELINE" "$run" baseline)")
  fi
done

app_median=$(printf '%s\n' "${times[@]}" | median)
echo "median window start-up: ${app_median} ms over ${runs} runs of $launcher (target < 3000 ms); median CPU $(median < "$work/app.cpu") ms"
if [ -n "${BASELINE:-}" ]; then
  baseline_median=$(printf '%s\n' "${baseline_times[@]}" | median)
  echo "baseline median: ${baseline_median} ms ($BASELINE), CPU $(median < "$work/baseline.cpu") ms; ratio app/baseline: $(awk "BEGIN {printf \"%.2f\", $app_median / $baseline_median}")"
fi
