#!/usr/bin/env python3
"""What exact profiling costs real programs (issue 15), beside the plain run and the JVM's own recorder.

Run on demand (never by the tests), from the project root after `mvn package`:

  python3 benchmarks/realworld.py [--repeat 3] [--rounds 8] [--program antlr|h2|groovy]... [--java PATH]
                                  [--config LABEL]... [--no-startup] [--no-steady]

Three third-party programs from Maven Central (fetched into ~/.m2 with `mvn dependency:get` on first use), each on
a deterministic workload shipped in benchmarks/src/realworld:

  antlr   the ANTLR 4.13.2 tool (org.antlr:antlr4:complete) generating lexer, parser, listener and visitor for
          Mini.g4 (a Java-like language): grammar analysis and code generation
  h2      the H2 2.3.232 database's RunScript running workload.sql on an in-memory database: 70,000 generated
          rows, indexes, joins, grouping, updates, deletes
  groovy  Groovy 4.0.24's GroovyMain running workload.groovy: classes, closures, collections, regular
          expressions, a JSON round trip (groovy-json)

Each runs, alternating in ABBA order (one JVM per configuration and repetition, neither configuration always
first on this drifting machine), as

  plain            the program alone
  jvm jfr          -XX:StartFlightRecording (settings=default): the JVM's own recorder alone, what record's stock
                   events cost by themselves
  record           jfr-trace record (the default: exact counts and wall times, stock events at settings=default)
  record ...       the same with other options, when the built jar has them: --timer count, --timer cpu,
                   --call-tree

in two ways:

  whole process    the program's own main, once; the wall time of the process (start-up, class loading and
                   transformation, the run, writing the recording); ratio to plain, the calls the recording counted,
                   (time - plain) / calls, and the recording's size
  steady state     bench.RealWorld (benchmarks/src/realworld): the same work ROUNDS times in one JVM; the mean of the
                   warm half of the rounds; ratio to plain and (round - plain round) / calls per round

and, first, the start-up of a hello-world: plain java, java -XX:StartFlightRecording, and jfr-trace record, with
the difference record - StartFlightRecording (target: at most 0.2 s).

The issue's targets are printed beside the figures: whole process at most 2x plain for record, at most 1.3x for
--timer count. Timings on shared machines are noisy: read the ratios of one run, not the digits.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from maven_jars import artifact, fetched

ROOT = Path(__file__).resolve().parent.parent
JAR = Path(os.environ.get("JFRTRACE_JAR", ROOT / "cli" / "target" / "jfr-trace.jar"))
LAUNCHER = ROOT / "jfr-trace"  # as users run it: the start-up archive, C1 only (docs/architecture.md, "Start-up")
SRC = ROOT / "benchmarks" / "src" / "realworld"


ANTLR = [artifact("org.antlr", "antlr4", "4.13.2", "complete")]
H2 = [artifact("com.h2database", "h2", "2.3.232")]
GROOVY = [artifact("org.apache.groovy", "groovy", "4.0.24"), artifact("org.apache.groovy", "groovy-json", "4.0.24")]

# name: the jars, the whole-process command after `-cp CP` (OUT: an output folder), the steady-state input
PROGRAMS = {
    "antlr": (ANTLR, ["org.antlr.v4.Tool", "-visitor", "-o", "{out}", str(SRC / "Mini.g4")], SRC / "Mini.g4"),
    "h2": (H2, ["org.h2.tools.RunScript", "-url", "jdbc:h2:mem:bench", "-script", str(SRC / "workload.sql")],
           SRC / "workload.sql"),
    "groovy": (GROOVY, ["groovy.ui.GroovyMain", str(SRC / "workload.groovy")], SRC / "workload.groovy"),
}
# record's options per configuration; a configuration whose options the jar does not know is left out
RECORD_CONFIGS = [("record", []), ("record --timer count", ["--timer", "count"]),
                  ("record --timer cpu", ["--timer", "cpu"]), ("record --call-tree", ["--call-tree"])]
TARGETS = {"record": 2.0, "record --timer count": 1.3}
STARTUP_TARGET_S = 0.2


def build(java, classes):
    """The steady-state driver, compiled against the three programs."""
    jars = fetched(ANTLR) + fetched(H2) + fetched(GROOVY)
    javac = Path(java).parent / "javac"
    subprocess.run([str(javac), "-nowarn", "--release", "17", "-cp", os.pathsep.join(jars), "-d", str(classes),
                    str(SRC / "RealWorld.java"), str(ROOT / "benchmarks/src/bench/Rounds.java")], check=True)
    hello = classes / "Hello.java"
    hello.write_text('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n')
    subprocess.run([str(javac), "-d", str(classes), str(hello)], check=True)


def jfr_trace(java):
    """The command that runs jfr-trace: the launcher beside the jar, on the JDK of `java` (its JAVA_HOME)."""
    os.environ["JAVA_HOME"] = str(Path(java).resolve().parent.parent)
    return [str(LAUNCHER)] if os.environ.get("JFRTRACE_JAR") is None else [java, "-jar", str(JAR)]


def record_help(java):
    return subprocess.run(jfr_trace(java) + ["record", "--help"], capture_output=True, text=True).stdout


def configurations(java, tmp, wanted):
    """(label, the command before `-cp ...`, the recording it writes or None) for each configuration."""
    help_text = record_help(java)
    rows = [("plain", [java], None),
            ("jvm jfr", [java, f"-XX:StartFlightRecording:filename={tmp / 'jvm.jfr'},settings=default"],
             tmp / "jvm.jfr")]
    for label, options in RECORD_CONFIGS:
        if all(o in help_text for o in options if o.startswith("--")):
            out = tmp / (re.sub(r"\W+", "-", label) + ".jfr")
            rows.append((label, jfr_trace(java) + ["record", "-q", "--java", java, "-o", str(out)] + options
                         + ["--"], out))
    return [r for r in rows if not wanted or r[0] in wanted or r[0] == "plain"]


def calls_in(java, jfr):
    """The function calls the recording counted (stats' totals line), or None."""
    r = subprocess.run(jfr_trace(java) + ["stats", str(jfr)], capture_output=True, text=True)
    m = re.search(r"(\d+) function calls", r.stdout)
    return int(m.group(1)) if m else None


def timed(command, cwd):
    t0 = time.perf_counter()
    r = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    elapsed = time.perf_counter() - t0
    if r.returncode != 0:
        raise SystemExit(f"failed ({r.returncode}): {' '.join(command)}\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
    return elapsed, r.stdout


def abba(rows, repeat):
    """The configurations in ABBA order, repetition by repetition."""
    for rep in range(repeat):
        for row in (rows if rep % 2 == 0 else rows[::-1]):
            yield rep, row


def startup(java, classes, tmp, repeat):
    rows = [("java Hello", [java, "-cp", str(classes), "Hello"]),
            ("java -XX:StartFlightRecording Hello",
             [java, f"-XX:StartFlightRecording:filename={tmp / 'hello-jvm.jfr'},settings=default", "-cp",
              str(classes), "Hello"]),
            ("jfr-trace record Hello",
             jfr_trace(java) + ["record", "-q", "--java", java, "-o", str(tmp / "hello.jfr"), "--", "-cp",
                                str(classes), "Hello"])]
    times = {label: [] for label, _ in rows}
    for _, (label, command) in abba(rows, repeat * 2):
        times[label].append(timed(command, tmp)[0])
    med = {label: statistics.median(ts) for label, ts in times.items()}
    print(f"\nStart-up of a hello-world (median of {repeat * 2} runs each, alternating)")
    for label, _ in rows:
        print(f"  {label:<40} {med[label]:.3f} s")
    extra = med["jfr-trace record Hello"] - med["java -XX:StartFlightRecording Hello"]
    print(f"  record - StartFlightRecording: {extra:+.3f} s   target <= +{STARTUP_TARGET_S} s   "
          + ("ok" if extra <= STARTUP_TARGET_S else "MISSED"))


def whole_process(name, java, rows, tmp, repeat):
    jars, command, _ = PROGRAMS[name]
    cp = os.pathsep.join(fetched(jars))
    times = {label: [] for label, _, _ in rows}
    sizes, calls = {}, {}
    for rep, (label, before, out) in abba(rows, repeat):
        args = [a.replace("{out}", str(tmp / "gen")) for a in command]
        times[label].append(timed(before + ["-cp", cp] + args, tmp)[0])
        if out is not None and label not in sizes:
            sizes[label] = out.stat().st_size
            if label.startswith("record"):
                calls[label] = calls_in(java, out)
    return {label: statistics.median(ts) for label, ts in times.items()}, calls, sizes


def steady_state(name, java, rows, classes, tmp, repeat, rounds):
    jars, _, source = PROGRAMS[name]
    cp = os.pathsep.join([str(classes)] + fetched(jars))
    means = {label: [] for label, _, _ in rows}
    calls = {}
    for rep, (label, before, out) in abba(rows, repeat):
        _, stdout = timed(before + ["-cp", cp, "bench.RealWorld", name, str(source), str(rounds), str(tmp / "gen")],
                          tmp)
        m = re.search(r"BENCH rounds=\d+ median_ns=\d+ mean_ns=(\d+)", stdout)
        if not m:
            raise SystemExit("no BENCH line in output:\n" + stdout[-2000:])
        means[label].append(int(m.group(1)))
        if label.startswith("record") and label not in calls:
            total = calls_in(java, out)
            calls[label] = total / rounds if total else None
    return {label: statistics.median(v) for label, v in means.items()}, calls


def report(name, whole, steady):
    print(f"\n{name}")
    print(f"  {'configuration':<22} {'whole process':>13} {'ratio':>6} {'calls':>12} {'ns/call':>8} {'recording':>10}"
          f"   {'steady round':>12} {'ratio':>6} {'ns/call':>8}   target")
    times, calls, sizes = whole if whole else ({}, {}, {})
    rounds, round_calls = steady if steady else ({}, {})
    for label in (times or rounds):
        cells = []
        if times:
            ratio = times[label] / times["plain"]
            c = calls.get(label)
            per_call = (times[label] - times["plain"]) * 1e9 / c if c else None
            cells.append(f"{times[label]:>11.2f} s {ratio:>5.2f}x {c if c else '':>12} "
                         f"{f'{per_call:.1f}' if per_call else '':>8} "
                         f"{f'{sizes[label] / 1e6:.1f} MB' if label in sizes else '':>10}")
        if rounds:
            ratio_s = rounds[label] / rounds["plain"]
            c = round_calls.get(label)
            per_call = (rounds[label] - rounds["plain"]) / c if c else None
            cells.append(f"{rounds[label] / 1e6:>9.1f} ms {ratio_s:>5.2f}x {f'{per_call:.1f}' if per_call else '':>8}")
        target = TARGETS.get(label)
        verdict = ""
        if target and times:
            verdict = f"whole <= {target}x " + ("ok" if times[label] / times["plain"] <= target else "MISSED")
        print(f"  {label:<22} " + "   ".join(cells) + f"   {verdict}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=8, help="steady-state rounds per JVM (the warm half counts)")
    ap.add_argument("--program", action="append", choices=sorted(PROGRAMS))
    ap.add_argument("--config", action="append", help="only these configurations (and plain)")
    ap.add_argument("--java", help="the JVM (default: $JAVA_HOME, else JDK 17)")
    ap.add_argument("--no-startup", action="store_true")
    ap.add_argument("--no-steady", action="store_true")
    ap.add_argument("--no-whole", action="store_true")
    args = ap.parse_args()
    java = args.java or str(Path(os.environ.get("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64")) / "bin" / "java")
    if not JAR.is_file():
        raise SystemExit("realworld.py: build first: mvn -B -q -DskipTests package")
    with tempfile.TemporaryDirectory(prefix="jfrtrace-realworld-") as d:  # private (0700), removed at the end
        tmp = Path(d)
        classes = tmp / "classes"
        build(java, classes)
        rows = configurations(java, tmp, args.config)
        print(f"jfr-trace real-world benchmark: {java}, {os.cpu_count()} CPUs, {args.repeat} repetitions, "
              f"{args.rounds} rounds in steady state; configurations: {', '.join(r[0] for r in rows)}")
        if not args.no_startup:
            startup(java, classes, tmp, args.repeat)
        for name in args.program or list(PROGRAMS):
            whole = None if args.no_whole else whole_process(name, java, rows, tmp, args.repeat)
            steady = None if args.no_steady else steady_state(name, java, rows, classes, tmp, args.repeat,
                                                              args.rounds)
            report(name, whole, steady)
            sys.stdout.flush()


if __name__ == "__main__":
    main()
