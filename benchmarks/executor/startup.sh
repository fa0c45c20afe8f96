#!/usr/bin/env bash
# The executor's own start-up cost (a Job's fixed cost): wall time of `java -jar raftops-executor.jar
# step-down` with no environment, which starts the JVM, loads the program, refuses at the first missing
# variable and writes its result. Run from the repository root after
#   mvn -B -ntp -pl executor -am package -DskipTests
# Usage: benchmarks/executor/startup.sh [runs]   (prints one line per run, then min/median/max in ms)
set -euo pipefail
runs="${1:-10}"
jar="executor/target/raftops-executor.jar"
[ -f "$jar" ] || { echo "build $jar first" >&2; exit 2; }
result="$(mktemp)"
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  env -i PATH="$PATH" RAFTOPS_RESULT_FILE="$result" java -XX:-UsePerfData -jar "$jar" step-down 2>/dev/null || true
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "min ${sorted[0]} ms, median ${sorted[$(( runs / 2 ))]} ms, max ${sorted[$(( runs - 1 ))]} ms over $runs runs"
rm -f "$result"
