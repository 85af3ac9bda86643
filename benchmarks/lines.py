#!/usr/bin/env python3
"""What exact line counts cost (`record --lines --no-profile`), beside the plain program and JaCoCo's agent (issue 13).

Run on demand (never by the tests), from the project root after `mvn package`:

  python3 benchmarks/lines.py [--repeat 5] [--rounds 20] [--workload mixed|jackson] [--java PATH] [--none]

For each workload it runs, interleaved in ABBA order (plain, lines, jacoco, jacoco, lines, plain, ...: neither
configuration always goes first on this drifting machine), one JVM per configuration and repetition:

  plain    the program alone
  lines    jfr-trace record --lines --no-profile (exact counts: a long per executable line, per thread)
  jacoco   -javaagent:<JaCoCo's runtime agent>=destfile=...,includes=... (org.jacoco:org.jacoco.agent:runtime,
           fetched with `mvn dependency:get` on first use): the standard Java coverage tool, one boolean per probe
  lines (before) with --before JAR: record --lines with another build (a change's before and after, one run)
  lines (none)  with --none: the same as lines with --jfr-settings none (no stock JFR events), to tell what the
           counting costs from what the JVM's own recorder costs

and prints the median over the JVMs of the mean warm round (the second half of the rounds), the ratio to the
plain run (`vs plain`, the ratio of the medians) and the median of the per-repetition ratios to the plain JVM of the
same repetition (`paired`), the line executions per round that `lines` counted (from the recording's
jfrtrace.LineCounts deltas) and the cost per line execution, and the issue's targets: at most 1.25 x plain on the
mixed benchmark, and no more than JaCoCo's ratio + 0.10 on both.

Workloads (only their own classes are instrumented, by record's --include and JaCoCo's includes):
  mixed    bench.MixedBench (parse/map/sort; benchmarks/src/bench), instrumenting bench.MixedBench*
  jackson  bench.JsonBench (benchmarks/src/lines): jackson-databind 2.17.2 reads a generated 20,000-order JSON
           document into a tree, walks it, writes it back and streams over its tokens; instrumenting
           com.fasterxml.jackson.* (the library, not the driver)
Timings on shared machines are noisy: read the ratios of one run, not the digits.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from maven_jars import fetched

ROOT = Path(__file__).resolve().parent.parent
JAR = Path(os.environ.get("JFRTRACE_JAR", ROOT / "cli" / "target" / "jfr-trace.jar"))
M2 = Path.home() / ".m2" / "repository"
JACOCO_VERSION = "0.8.16"  # the latest release on Maven Central when this was written
JACOCO = ("org.jacoco:org.jacoco.agent:%s:jar:runtime" % JACOCO_VERSION,
          M2 / f"org/jacoco/org.jacoco.agent/{JACOCO_VERSION}/org.jacoco.agent-{JACOCO_VERSION}-runtime.jar")
JACKSON_VERSION = "2.17.2"
JACKSON = [(f"com.fasterxml.jackson.core:jackson-{a}:{JACKSON_VERSION}",
            M2 / f"com/fasterxml/jackson/core/jackson-{a}/{JACKSON_VERSION}/jackson-{a}-{JACKSON_VERSION}.jar")
           for a in ("core", "databind", "annotations")]

# name: main class, the classes instrumented (record's --include glob, JaCoCo's includes), the jars it needs
WORKLOADS = {
    "mixed": ("bench.MixedBench", "bench.MixedBench*", []),
    "jackson": ("bench.JsonBench", "com.fasterxml.jackson.*", JACKSON),
}
TARGET_VS_PLAIN = {"mixed": 1.25}
TARGET_VS_JACOCO = 0.10


def build(classes):
    srcs = sorted(str(p) for p in (ROOT / "benchmarks/src/bench").glob("*.java"))
    srcs.append(str(ROOT / "benchmarks/src/lines/JsonBench.java"))
    subprocess.run(["javac", "-g", "--release", "17", "-nowarn", "-cp", os.pathsep.join(fetched(JACKSON)),
                    "-d", str(classes)] + srcs, check=True)


def mean_round_ns(out):
    """The mean of the warm rounds (unlike their median, it includes the GC pauses)."""
    m = re.search(r"BENCH rounds=\d+ median_ns=\d+ mean_ns=(\d+)", out)
    if not m:
        raise SystemExit("no BENCH line in output:\n" + out)
    return int(m.group(1))


def line_executions(java, jfr):
    """The line executions the recording counted: the sum of its jfrtrace.LineCounts deltas ("line:count,...")."""
    tool = Path(java).parent / "jfr"
    out = subprocess.run([str(tool), "print", "--events", "jfrtrace.LineCounts", str(jfr)],
                         check=True, capture_output=True, text=True).stdout
    return sum(int(c) for counts in re.findall(r'counts = "([^"]*)"', out) for c in re.findall(r":(\d+)", counts))


def commands(java, tmp, include, with_none, before_jar):
    """Each configuration's command before `-cp CP MAIN ROUNDS`."""
    record = [java, "-jar", str(JAR), "record", "-q", "--java", java, "-o", str(tmp / "lines.jfr"),
              "--lines", "--no-profile", "--include", include]
    rows = [("plain", [java]),
            ("lines", record),
            ("jacoco", [java, f"-javaagent:{fetched([JACOCO])[0]}=destfile={tmp / 'jacoco.exec'},includes={include}"])]
    if with_none:
        rows.append(("lines (none)", [java, "-jar", str(JAR), "record", "-q", "--java", java, "-o",
                                      str(tmp / "none.jfr"), "--lines", "--no-profile", "--jfr-settings", "none",
                                      "--include", include]))
    if before_jar:
        rows.append(("lines (before)", [java, "-jar", before_jar] + record[3:8] + [str(tmp / "before.jfr")] + record[9:]))
    return rows


def run_workload(name, java, classes, args, tmp):
    main, include, jars = WORKLOADS[name]
    cp = os.pathsep.join([str(classes)] + fetched(jars))
    rows = commands(java, tmp, include, args.none, args.before)
    times = {label: [] for label, _ in rows}
    executions = 0
    for rep in range(args.repeat):
        for label, before in (rows if rep % 2 == 0 else rows[::-1]):  # ABBA
            for stale in tmp.glob("*.exec"):
                stale.unlink()  # JaCoCo appends to an existing file
            r = subprocess.run(before + ["-cp", cp, main, str(args.rounds)], capture_output=True, text=True)
            if r.returncode != 0:
                raise SystemExit(f"{label} failed ({r.returncode}):\n{r.stdout}{r.stderr}")
            times[label].append(mean_round_ns(r.stdout))
            if label == "lines" and rep == 0:
                executions = line_executions(java, tmp / "lines.jfr") / args.rounds
    plain = statistics.median(times["plain"])
    jacoco = statistics.median(times["jacoco"]) / plain
    for label, _ in rows:
        t = statistics.median(times[label])
        paired = statistics.median(a / b for a, b in zip(times[label], times["plain"]))
        per_line = f"{(t - plain) / executions:8.2f}" if label.startswith("lines") and executions else ""
        target = ""
        if label == "lines":
            goals = [f"<= {TARGET_VS_PLAIN[name]:.2f}x plain"] if name in TARGET_VS_PLAIN else []
            goals.append(f"<= jacoco + {TARGET_VS_JACOCO:.2f} = {jacoco + TARGET_VS_JACOCO:.2f}x")
            met = t / plain <= min([TARGET_VS_PLAIN.get(name, 99), jacoco + TARGET_VS_JACOCO])
            target = ", ".join(goals) + ("  ok" if met else "  MISSED")
        print(f"{name:8} {label:13} {t / 1e6:9.1f} ms {t / plain:8.2f}x {paired:7.2f}x {per_line:>11}  {target}",
              flush=True)
    print(f"{'':8} ({executions:,.0f} line executions per round counted; {args.rounds} rounds per JVM, the second "
          f"half measured; {args.repeat} JVMs per row)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="JVMs per configuration (median; default 5)")
    ap.add_argument("--rounds", type=int, default=20, help="rounds per JVM; the second half counts (default 20)")
    ap.add_argument("--workload", choices=list(WORKLOADS), action="append", help="only this workload (repeatable)")
    ap.add_argument("--java", default=os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"),
                                                   "bin", "java"), help="the JDK every configuration runs on")
    ap.add_argument("--none", action="store_true", help="also the row `lines (none)`: --jfr-settings none")
    ap.add_argument("--before", metavar="JAR", help="also the row `lines (before)`: record --lines with this other "
                                                     "jfr-trace.jar (a change's before and after in one run)")
    args = ap.parse_args()
    if not JAR.is_file():
        raise SystemExit("lines.py: build first: mvn -B -q -DskipTests package")
    with tempfile.TemporaryDirectory(prefix="lines-bench") as t:  # 0700, random name
        tmp = Path(t)
        classes = tmp / "classes"
        build(classes)
        print(f"{'workload':8} {'configuration':13} {'mean round':>12} {'vs plain':>9} {'paired':>8} {'ns/line':>11}  "
              f"target ({Path(args.java).resolve().parent.parent.name}, JaCoCo {JACOCO_VERSION}, {os.cpu_count()} CPUs)")
        for name in args.workload or WORKLOADS:
            run_workload(name, args.java, classes, args, tmp)


if __name__ == "__main__":
    main()
