#!/usr/bin/env python3
"""How close `jfr-trace timeit` comes to JMH, and how long it takes (issue 14's accuracy benchmark).

Run on demand (never by the tests), from the project root after `mvn package`:

  python3 benchmarks/timeit_accuracy.py [-n 3] [--java PATH] [--jmh-args '-f 1 -wi 5 -w 1 -i 5 -r 1']

For five snippets (a HashMap.get, a string concatenation, an ArrayList fill, sorting 1,000 ints, Math.log of a
varying argument) it runs `jfr-trace timeit` (N times, alternating with nothing else) and JMH's average time
(org.openjdk.jmh:jmh-core 1.37, fetched with `mvn dependency:get` on first use; benchmarks/src/timeit/peers/TimeitPeers.java,
compiled here against it) on the same JDK, one snippet after the other in one run, and prints per snippet: timeit's
median per-loop figure, JMH's score and error, their ratio (target: within 15 %), and the median wall time of the
whole `timeit` call (target: under 3 s for a sub-microsecond snippet). Timings on shared machines are noisy: read
the ratios, and run it on a quiet machine.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
M2 = Path.home() / ".m2" / "repository"
JMH_VERSION = "1.37"
JMH_JARS = [  # jmh-core and its annotation processor, with jmh-core's two dependencies
    M2 / f"org/openjdk/jmh/jmh-core/{JMH_VERSION}/jmh-core-{JMH_VERSION}.jar",
    M2 / f"org/openjdk/jmh/jmh-generator-annprocess/{JMH_VERSION}/jmh-generator-annprocess-{JMH_VERSION}.jar",
    M2 / "net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar",
    M2 / "org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar",
]

# name, timeit's setup and statement (jfr-trace timeit's Java), JMH's method in TimeitPeers: the same work
SNIPPETS = [
    ("HashMap.get", "Map<Integer,Integer> m = new HashMap<>(); for (int i = 0; i < 1000; i++) m.put(i, i); "
                    "Integer k = 500;", "m.get(k)", "hashMapGet"),
    ("string concatenation", 'String a = "hello", b = "world"; int n = 42;', "a + b + n", "stringConcat"),
    ("ArrayList fill (100)", "", "List<Integer> l = new ArrayList<>(); for (int i = 0; i < 100; i++) l.add(i); l",
     "arrayListFill"),
    ("sort 1,000 ints", "int[] xs = new Random(1).ints(1000).toArray();", "Arrays.sort(xs.clone())", "sort1000"),
    ("Math.log(x++)", "double x = 1;", "Math.log(x++)", "mathLog"),
]
UNITS = {"nsec": 1.0, "usec": 1e3, "msec": 1e6, "sec": 1e9}
RESULT = re.compile(r"^(\d+) loops?, best of \d+: ([0-9.e+-]+) (nsec|usec|msec|sec) per loop$", re.M)


def jmh_classpath():
    if not all(j.is_file() for j in JMH_JARS):
        for artifact in (f"org.openjdk.jmh:jmh-core:{JMH_VERSION}", f"org.openjdk.jmh:jmh-generator-annprocess:{JMH_VERSION}"):
            subprocess.run(["mvn", "-B", "-q", "dependency:get", f"-Dartifact={artifact}"], check=True)
    return os.pathsep.join(map(str, JMH_JARS))


def build_peers(java_home, work):
    classes = work / "jmh-classes"
    classes.mkdir()
    cp = jmh_classpath()
    subprocess.run([str(java_home / "bin" / "javac"), "-nowarn", "-cp", cp, "-d", str(classes),
                    str(ROOT / "benchmarks/src/timeit/peers/TimeitPeers.java")], check=True)
    return cp + os.pathsep + str(classes)


def run_jmh(java, cp, method, jmh_args, work):
    out = work / f"{method}.json"
    subprocess.run([str(java), "-cp", cp, "org.openjdk.jmh.Main", f"peers.TimeitPeers.{method}$", "-bm", "avgt", "-tu", "ns",
                    "-rf", "json", "-rff", str(out)] + shlex.split(jmh_args),
                   check=True, stdout=subprocess.DEVNULL)
    metric = json.loads(out.read_text())[0]["primaryMetric"]
    error = metric["scoreError"]  # "NaN" (a string) when JMH measured a single iteration
    return float(metric["score"]), float(error) if isinstance(error, (int, float)) else float("nan")


def run_timeit(java, setup, statement):
    cmd = [str(ROOT / "jfr-trace"), "timeit", "--java", str(java)]
    if setup:
        cmd += ["-s", setup]
    cmd.append(statement)
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "JAVA_HOME": str(java.parent.parent)})
    wall = time.perf_counter() - start
    m = RESULT.search(p.stdout)
    if p.returncode != 0 or not m:
        raise SystemExit(f"timeit failed ({p.returncode}): {shlex.join(cmd)}\n{p.stdout}{p.stderr}")
    notes = [l for l in p.stderr.splitlines() if l.startswith("note: ")]
    return float(m.group(2)) * UNITS[m.group(3)], wall, notes


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=3, help="timeit runs per snippet (median; default 3)")
    ap.add_argument("--java", default=str(Path(os.environ.get("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"))
                                          / "bin" / "java"), help="the JDK both run on")
    ap.add_argument("--jmh-args", default="-f 3 -wi 5 -w 1 -i 5 -r 1", help="JMH's run options")
    ap.add_argument("--only", help="comma-separated snippet numbers (1-5)")
    args = ap.parse_args()
    if not (ROOT / "cli/target/jfr-trace.jar").is_file():
        raise SystemExit("timeit_accuracy.py: build first: mvn -B -q -DskipTests package")
    java = Path(shutil.which(args.java) or args.java).resolve()
    chosen = [SNIPPETS[int(i) - 1] for i in args.only.split(",")] if args.only else SNIPPETS
    with tempfile.TemporaryDirectory(prefix="timeit-accuracy") as tmp:  # 0700, random name
        work = Path(tmp)
        cp = build_peers(java.parent.parent, work)
        rows = []
        for name, setup, statement, method in chosen:
            runs = [run_timeit(java, setup, statement) for _ in range(args.n)]
            per_loop = statistics.median(r[0] for r in runs)
            wall = statistics.median(r[1] for r in runs)
            score, error = run_jmh(java, cp, method, args.jmh_args, work)
            ratio = per_loop / score
            notes = sorted({n for r in runs for n in r[2]})
            rows.append((name, per_loop, [r[0] for r in runs], score, error, ratio, wall, notes))
            print(f"  {name}: timeit {per_loop:.3g} ns/loop (runs {', '.join(f'{r[0]:.3g}' for r in runs)}), "
                  f"JMH {score:.3g} ± {error:.2g} ns/op, ratio {ratio:.2f}, timeit call {wall:.2f} s", flush=True)
    print(f"\njfr-trace timeit against JMH {JMH_VERSION} (avgt, {args.jmh_args}), {java.parent.parent.name}, "
          f"{os.cpu_count()} CPUs; timeit: median of {args.n} runs")
    header = ("snippet", "timeit ns/loop", "JMH ns/op", "ratio", "target", "", "timeit call", "target", "")
    print("{:<22} {:>14} {:>18} {:>6}  {:<10} {:<6} {:>11}  {:<6} {}".format(*header))
    for name, per_loop, _, score, error, ratio, wall, notes in rows:
        within = abs(ratio - 1) <= 0.15
        fast = wall < 3 or per_loop >= 1000  # the 3 s target is for sub-microsecond snippets
        print("{:<22} {:>14.3g} {:>18} {:>6.2f}  {:<10} {:<6} {:>10.2f}s  {:<6} {}".format(
            name, per_loop, f"{score:.3g} ± {error:.2g}", ratio, "0.85-1.15", "ok" if within else "MISSED", wall,
            "< 3 s" if per_loop < 1000 else "-", "ok" if fast else "MISSED"))
        for n in notes:
            print(f"    {n}")


if __name__ == "__main__":
    main()
