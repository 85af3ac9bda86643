#!/usr/bin/env bash
# Re-makes the recordings of com.example.sampled.Busy (src/test/programs) by JDK 11 and JDK 21 that SampledProfileIT
# reads: the JVMs' own recorder, -XX:StartFlightRecording with settings=profile. Neither JDK is in Debian 12's
# archive, so their packages come from Debian 11 (OpenJDK 11) and Debian 13 (OpenJDK 21) through a private apt
# state folder (nothing is installed); Debian 13's JDK needs a newer C library than Debian 12's, so it runs through
# Debian 13's own dynamic loader. Run from anywhere; needs apt-get, dpkg and a JDK 17 javac.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
programs="$here/../../programs"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/apt/lists/partial" "$tmp/apt/cache/archives/partial" "$tmp/root" "$tmp/classes"
cat > "$tmp/apt/sources.list" <<LIST
deb http://deb.debian.org/debian bullseye main
deb http://deb.debian.org/debian trixie main
LIST
apt=(-o Dir::Etc::sourcelist="$tmp/apt/sources.list" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$tmp/apt/lists"
     -o Dir::Cache="$tmp/apt/cache")
apt-get "${apt[@]}" update >/dev/null
(cd "$tmp" && apt-get "${apt[@]}" download openjdk-11-jre-headless/bullseye openjdk-21-jre-headless/trixie \
  libc6/trixie >/dev/null)
for deb in "$tmp"/*.deb; do dpkg -x "$deb" "$tmp/root"; done
# the packages' configuration lives under /etc: point the JDKs' links at the extracted copies
find "$tmp/root/usr/lib/jvm" -type l | while read -r link; do
  target="$(readlink "$link")"
  case "$target" in /etc/*) ln -sfn "$tmp/root$target" "$link" ;; esac
done
javac --release 11 -d "$tmp/classes" "$programs/com/example/sampled/Busy.java"
jdk11="$tmp/root/usr/lib/jvm/java-11-openjdk-amd64"
jdk21="$tmp/root/usr/lib/jvm/java-21-openjdk-amd64"
libs="$tmp/root/usr/lib/x86_64-linux-gnu"
"$jdk11/bin/java" -XX:StartFlightRecording=filename="$here/jdk11-busy.jfr",settings=profile \
  -cp "$tmp/classes" com.example.sampled.Busy
"$libs/ld-linux-x86-64.so.2" --library-path "$libs:$jdk21/lib:$jdk21/lib/server" "$jdk21/bin/java" \
  -XX:StartFlightRecording=filename="$here/jdk21-busy.jfr",settings=profile -cp "$tmp/classes" com.example.sampled.Busy
"$jdk11/bin/java" -version 2>&1 | head -2
echo "recorded: $here/jdk11-busy.jfr $here/jdk21-busy.jfr"
