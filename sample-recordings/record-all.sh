#!/usr/bin/env bash
# Re-records the shipped sample recordings from the programs in src/ (run from anywhere).
# Uses ../jfr-trace, which builds the project on first use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
rm -rf classes && mkdir -p classes
javac -g --release 17 -d classes src/com/example/*.java
for main in Factorial MutualRecursion Exceptions Threads Streams; do
  ../jfr-trace record --builtins -o "$main.jfr" -cp classes "com.example.$main" >/dev/null
done
echo "recorded: $(ls *.jfr | tr '\n' ' ')"
