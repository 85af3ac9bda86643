#!/usr/bin/env python3
"""Per-call overhead of jfr-trace's call profiling, measured side by side in one run.

For each workload (recursive fib(32); a mixed parse/map/sort workload) it runs, interleaved,
  plain      the program alone
  jfr-trace  the program under `jfr-trace record` (exact timing: two clock reads per call)
  jdk25-mt   JDK 25's own -XX:StartFlightRecording:method-timing=<the same methods> (if a JDK 25 is present)
on JDK 17 and on JDK 25, and prints the median warm round time and the overhead per call:
  (median round with profiling - median plain round) / calls per round,
where calls per round comes from the recording's own call count.

Usage: python3 benchmarks/run.py [--rounds 12] [--repeat 3]
Timings on shared machines are noisy: read the ratios, not the digits.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JAR = os.path.join(ROOT, "cli", "target", "jfr-trace.jar")
JDK17 = os.environ.get("JDK17_HOME", "/usr/lib/jvm/java-17-openjdk-amd64")
JDK25 = os.environ.get("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")

WORKLOADS = {
    "fib(32)": ("bench.FibBench", "bench.FibBench::fib"),
    "mixed": ("bench.MixedBench", "bench.MixedBench;bench.MixedBench$Sale"),
}


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def build(classes):
    if not os.path.exists(JAR):
        print("building jfr-trace...", file=sys.stderr)
        sh(["mvn", "-B", "-q", "-DskipTests", "package"], cwd=ROOT)
    srcs = [os.path.join(HERE, "src", "bench", f) for f in os.listdir(os.path.join(HERE, "src", "bench"))]
    sh(["javac", "-g", "--release", "17", "-d", classes] + srcs)


def median_ns(out):
    m = re.search(r"BENCH rounds=\d+ median_ns=(\d+)", out)
    if not m:
        raise SystemExit("no BENCH line in output:\n" + out)
    return int(m.group(1))


def run_plain(java, classes, main, rounds):
    return median_ns(sh([java, "-cp", classes, main, str(rounds)]).stdout)


def run_jfr_trace(java, classes, main, rounds, tmp):
    out = os.path.join(tmp, "bench.jfr")
    r = sh([java, "-jar", JAR, "record", "--java", java, "-o", out, "-cp", classes, main, str(rounds)])
    stats = sh([java, "-jar", JAR, "stats", out, "-r", "0"]).stdout
    calls = int(re.search(r"(\d+) function calls", stats).group(1))
    return median_ns(r.stdout), calls / rounds


def run_method_timing(java, classes, main, filt, rounds, tmp):
    out = os.path.join(tmp, "mt.jfr")
    r = sh([java, "-XX:StartFlightRecording:method-timing=" + filt + ",filename=" + out,
            "-Xlog:jfr*=off", "-cp", classes, main, str(rounds)])
    return median_ns(r.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20, help="rounds per JVM (the warm second half counts)")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved repetitions of every configuration")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        classes = os.path.join(tmp, "classes")
        build(classes)
        jdks = [("17", os.path.join(JDK17, "bin", "java"))]
        if os.path.exists(os.path.join(JDK25, "bin", "java")):
            jdks.append(("25", os.path.join(JDK25, "bin", "java")))
        print(f"{'workload':10} {'jdk':4} {'configuration':12} {'median round':>13} {'ns/call':>9} {'vs plain':>9}")
        for name, (main_class, filt) in WORKLOADS.items():
            for jdk, java in jdks:
                plain, agent, mt, calls = [], [], [], 0
                for _ in range(args.repeat):
                    plain.append(run_plain(java, classes, main_class, args.rounds))
                    t, calls = run_jfr_trace(java, classes, main_class, args.rounds, tmp)
                    agent.append(t)
                    if jdk == "25":
                        mt.append(run_method_timing(java, classes, main_class, filt, args.rounds, tmp))
                base = statistics.median(plain)
                rows = [("plain", base), ("jfr-trace", statistics.median(agent))]
                if mt:
                    rows.append(("jdk25-mt", statistics.median(mt)))
                for label, t in rows:
                    per_call = "" if label == "plain" else f"{(t - base) / calls:9.1f}"
                    print(f"{name:10} {jdk:4} {label:12} {t / 1e6:10.1f} ms {per_call:>9} {t / base:8.2f}x")
                print(f"{'':10} {jdk:4} ({calls:,.0f} profiled calls per round)")


if __name__ == "__main__":
    main()
