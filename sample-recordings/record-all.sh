#!/usr/bin/env bash
# Re-records the shipped sample recordings from the programs in src/ (run from anywhere).
# Uses ../jfr-trace, which builds the project on first use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
../jfr-trace --version >/dev/null # builds the project (and the API jar) if needed
api=../api/target/jfr-trace-api.jar
rm -rf classes && mkdir -p classes
javac -g --release 17 -cp "$api" -d classes src/com/example/*.java
cp="classes:$api"
for main in Factorial MutualRecursion Exceptions Threads Streams; do
  ../jfr-trace record --builtins -o "$main.jfr" -cp "$cp" "com.example.$main" >/dev/null
done
../jfr-trace record --alloc --alloc-exact -o Leak.jfr -cp "$cp" com.example.Leak >/dev/null
../jfr-trace record --watchdog 1s --watchdog-exit -o Deadlock.jfr -cp "$cp" com.example.Deadlock >/dev/null || true # exits 1 by design
echo "recorded: $(ls *.jfr | tr '\n' ' ')"
