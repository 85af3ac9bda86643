#!/usr/bin/env python3
"""Overhead of jfr-trace's call profiling and allocation tracing, measured side by side in one run.

Suite `calls` (call profiling). For each workload (recursive fib(32); a mixed parse/map/sort workload) it runs, interleaved,
  plain      the program alone
  jfr-trace  the program under `jfr-trace record` (exact timing: two clock reads per call)
  --call-tree  the same with `record --call-tree` (a calling-context tree per thread beside the call profile)
  jdk25-mt   JDK 25's own -XX:StartFlightRecording:method-timing=<the same methods> (if a JDK 25 is present)
on JDK 17 and on JDK 25, and prints the median warm round time and the overhead per call:
  (median round with profiling - median plain round) / calls per round,
where calls per round comes from the recording's own call count.

Suite `alloc` (allocation tracing, like tracemalloc). On an allocation-heavy workload
(bench.AllocBench: parse records into objects, an LRU cache, short-lived arrays) it runs, interleaved,
  plain               the program alone
  record              jfr-trace record --no-profile: nothing traced; the JVM's stock JFR events and the agent
  alloc=1             jfr-trace record --no-profile --alloc      (NFRAME=1: per-site counters, no stack)
  alloc=25            jfr-trace record --no-profile --alloc=25   (NFRAME=25: light shadow stack)
  alloc=1 (none)      the same with --jfr-settings none (jfr-trace's events only, no stock events)
  alloc=25 (none)
  calls               jfr-trace record                            (call profiling alone, for information)
  calls+alloc=25      jfr-trace record --alloc=25                 (tracebacks from the profiler's stack)
on JDK 17 and JDK 25, and prints the median over JVMs of the mean warm round, its ratio to the plain
run's (`vs plain`), the median of the per-repetition ratios to the plain run next to it in time
(`paired`: the machine drifts, pairs drift less, but a single odd pair weighs more), the
cost per recorded allocation ((round - plain round) / allocations per round, from the exit snapshot's
allocated counts) and the recorder's own memory at exit (get_tracemalloc_memory(), the `recorder`
column of `jfr-trace alloc FILE --list`). The rows `record` and `(none)` separate what --alloc costs
from what the JVM's own stock events cost on this workload.

With --alternate (alloc suite), each configuration runs beside a plain JVM, both alive at once and
taking rounds in turn in ABBA order (bench.AllocBench in serve mode: one round per line on stdin), so
that the two rounds of a pair see the same machine within a fraction of a second; after the warm-up
rounds, `ratio` is the traced JVM's measured rounds over the plain JVM's (a ratio of means, GC pauses
and hiccups included), median over the JVM pairs, and `pairs` the median of the round-by-round ratios
(robust to hiccups of this shared machine). The extra row `plain (A/A)` runs the plain program
beside itself: the spread of its ratios is the harness's own noise. The extra row `jvm jfr` is the JVM's own recorder
(-XX:StartFlightRecording, default settings) without jfr-trace: what the stock events cost by
themselves. An idle partner's background threads (JIT, JFR, the alloc reaper) can run during the
other's round; they are small once warm.

Rows of the calls suite: jfr-trace (defaults: faulthandler's fatal-error and SIGUSR1 hooks on; the TSC
clock where the native library and Linux allow it), no-fault (--no-faulthandler), +watchdog (--watchdog 1h
armed): the idle cost of the hooks; nanoTime (JFRTRACE_NATIVE=off): the same with System.nanoTime;
--timer count (exact counts, no clock: the light hooks), --timer cpu (thread CPU time: a system call per clock
read; run for a tenth of the rounds, at least 2, as it is that much slower), on every workload.

Usage: python3 benchmarks/run.py [--suite calls|alloc|all] [--rounds N] [--repeat 5] [--jdk 17|25]
                                 [--workload fib(32)|mixed] [--config 'alloc=1' ...] [--alternate]
Timings on shared machines are noisy: read the ratios, not the digits.
"""
import argparse
import collections
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JAR = os.environ.get("JFRTRACE_JAR", os.path.join(ROOT, "cli", "target", "jfr-trace.jar"))
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


def mean_round_ns(out):
    """The mean of the warm rounds (unlike their median, it includes the GC pauses)."""
    m = re.search(r"BENCH rounds=\d+ median_ns=\d+ mean_ns=(\d+)", out)
    if not m:
        raise SystemExit("no BENCH line in output:\n" + out)
    return int(m.group(1))


def run_plain(java, classes, main, rounds):
    return mean_round_ns(sh([java, "-cp", classes, main, str(rounds)]).stdout)


def run_jfr_trace(java, classes, main, rounds, tmp, extra=(), env=None):
    out = os.path.join(tmp, "bench.jfr")
    r = sh([java, "-jar", JAR, "record", "--java", java, "-o", out, *extra, "-cp", classes, main, str(rounds)],
           env=None if env is None else {**os.environ, **env})
    stats = sh([java, "-jar", JAR, "stats", out, "-r", "0"]).stdout
    calls = int(re.search(r"(\d+) function calls", stats).group(1))
    return mean_round_ns(r.stdout), calls / rounds


def run_method_timing(java, classes, main, filt, rounds, tmp):
    out = os.path.join(tmp, "mt.jfr")
    r = sh([java, "-XX:StartFlightRecording:method-timing=" + filt + ",filename=" + out,
            "-Xlog:jfr*=off", "-cp", classes, main, str(rounds)])
    return mean_round_ns(r.stdout)


ALLOC_CONFIGS = [
    ("record", ["--no-profile"]),
    ("alloc=1", ["--no-profile", "--alloc"]),
    ("alloc=25", ["--no-profile", "--alloc=25"]),
    ("alloc=1 (none)", ["--no-profile", "--alloc", "--jfr-settings", "none"]),
    ("alloc=25 (none)", ["--no-profile", "--alloc=25", "--jfr-settings", "none"]),
    ("calls", []),
    ("calls+alloc=25", ["--alloc=25"]),
]


def allocated_per_run(java, jfr):
    """Sum of allocatedCount over the traces of the last (exit) snapshot, via the JDK's jfr tool."""
    tool = os.path.join(os.path.dirname(java), "jfr")
    out = sh([tool, "print", "--events", "jfrtrace.AllocationTrace", jfr]).stdout
    per = {}
    for block in out.split("jfrtrace.AllocationTrace")[1:]:
        sid = re.search(r"snapshotId = (\d+)", block)
        cnt = re.search(r"allocatedCount = ([\d_,]+)", block)
        if sid and cnt:
            per[int(sid.group(1))] = per.get(int(sid.group(1)), 0) + int(re.sub(r"[_,]", "", cnt.group(1)))
    return per[max(per)] if per else 0


def recorder_memory(java, jfr):
    """The `recorder` column of the exit snapshot in `jfr-trace alloc FILE --list`."""
    lines = sh([java, "-jar", JAR, "alloc", jfr, "--list"]).stdout.splitlines()
    header = lines[0].split()
    col = header.index("recorder")
    exit_rows = [l for l in lines[1:] if l.split()[1:3] == ["exit", "exit"]]
    row = exit_rows[-1].split()
    # sizes print as "12.3 KiB": the value and its unit are two tokens; count from the right
    return " ".join(row[-2:]) if not row[-1][0].isdigit() else row[-1]


def run_alloc_suite(jdks, classes, args, tmp):
    rounds = args.rounds or 60
    configs = [c for c in ALLOC_CONFIGS if not args.config or c[0] in args.config]
    print(f"{'workload':10} {'jdk':4} {'configuration':16} {'mean round':>11} {'vs plain':>9} {'paired':>7} "
          f"{'ns/alloc':>9} {'recorder mem':>13}")
    main_class = "bench.AllocBench"
    for jdk, java in jdks:
        times = {"plain": []}
        mem, allocs = {}, {}
        for _ in range(args.repeat):
            times["plain"].append(run_plain(java, classes, main_class, rounds))
            for label, opts in configs:
                out = os.path.join(tmp, "alloc.jfr")
                r = sh([java, "-jar", JAR, "record", "--java", java, "-o", out] + opts
                       + ["-cp", classes, main_class, str(rounds)])
                times.setdefault(label, []).append(mean_round_ns(r.stdout))
                if "alloc" in label:
                    mem[label] = recorder_memory(java, out)
                    allocs[label] = allocated_per_run(java, out) / rounds
        base = statistics.median(times["plain"])
        for label in ["plain"] + [c[0] for c in configs]:
            t = statistics.median(times[label])
            ratio = statistics.median(a / b for a, b in zip(times[label], times["plain"]))
            per = f"{(t - base) / allocs[label]:9.1f}" if allocs.get(label) else ""
            print(f"{'alloc':10} {jdk:4} {label:16} {t / 1e6:8.1f} ms {t / base:8.2f}x {ratio:6.2f}x {per:>9} "
                  f"{mem.get(label, ''):>13}")
        if allocs:
            print(f"{'':10} {jdk:4} ({max(allocs.values()):,.0f} recorded allocations per round, {rounds} rounds, "
                  f"{args.repeat} JVMs per row)")


def serve(cmd, log):
    """Starts a JVM in AllocBench's serve mode (one round per line on its stdin)."""
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True, bufsize=1)


def one_round(proc):
    proc.stdin.write("r\n")
    proc.stdin.flush()
    while True:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("the benchmark JVM ended early (see its log)")
        m = re.match(r"ROUND ns=(\d+)", line)
        if m:
            return int(m.group(1))


def alternate_pair(java, classes, main_class, opts, warm, measured, tmp):
    """
    One plain JVM and one traced JVM alive side by side, taking rounds in turn (ABBA order, so that
    neither always goes first): each pair of rounds sees the same machine within a fraction of a
    second. Returns (plain round times, traced round times) of the measured rounds, and the recording.
    """
    out = os.path.join(tmp, "alt.jfr")
    with open(os.path.join(tmp, "plain.log"), "w") as pl, open(os.path.join(tmp, "traced.log"), "w") as tl:
        a = serve([java, "-cp", classes, main_class, "serve"], pl)
        if isinstance(opts, JvmRow):
            before = [java] + [o.format(out=out) for o in opts.jvm_options]
        else:
            before = [java, "-jar", JAR, "record", "--java", java, "-o", out] + opts
        b = serve(before + ["-cp", classes, main_class, "serve"], tl)
        ta, tb = [], []
        try:
            for i in range(warm + measured):
                first, second = (a, b) if i % 2 == 0 else (b, a)
                t1, t2 = one_round(first), one_round(second)
                if i >= warm:
                    ta.append(t1 if first is a else t2)
                    tb.append(t2 if first is a else t1)
        finally:
            for p in (a, b):
                p.stdin.close()
            for p in (a, b):
                p.wait()
    if b.returncode != 0:
        raise SystemExit("the traced JVM failed: " + open(os.path.join(tmp, "traced.log")).read())
    return ta, tb, out


# Rows of the alternating suite that run a JVM without jfr-trace: the plain program beside itself
# (the harness's own spread) and the JVM's own recorder (what the stock events cost by themselves).
JvmRow = collections.namedtuple("JvmRow", "jvm_options")
EXTRA_ROWS = [("plain (A/A)", JvmRow([])),
              ("jvm jfr", JvmRow(["-XX:StartFlightRecording:filename={out}", "-Xlog:jfr*=off"]))]


def run_alternating_alloc_suite(jdks, classes, args, tmp):
    warm = args.rounds or 60
    measured = 2 * warm
    configs = EXTRA_ROWS + ALLOC_CONFIGS
    configs = [c for c in configs if not args.config or c[0] in args.config]
    print(f"{'workload':10} {'jdk':4} {'configuration':16} {'plain round':>12} {'traced round':>13} {'ratio':>6} "
          f"{'pairs':>6} {'per JVM pair':30} {'ns/alloc':>9} {'recorder mem':>13}")
    main_class = "bench.AllocBench"
    for jdk, java in jdks:
        for label, opts in configs:
            ratios, pair_medians, plain_means, traced_means, per_alloc = [], [], [], [], []
            mem = ""
            for _ in range(args.repeat):
                ta, tb, out = alternate_pair(java, classes, main_class, opts, warm, measured, tmp)
                ratios.append(sum(tb) / sum(ta))
                pair_medians.append(statistics.median(y / x for x, y in zip(ta, tb)))
                plain_means.append(statistics.mean(ta))
                traced_means.append(statistics.mean(tb))
                if "alloc" in label:
                    mem = recorder_memory(java, out)
                    allocs = allocated_per_run(java, out) / (warm + measured)
                    per_alloc.append((statistics.mean(tb) - statistics.mean(ta)) / allocs)
            per = f"{statistics.median(per_alloc):9.1f}" if per_alloc else ""
            print(f"{'alloc':10} {jdk:4} {label:16} {statistics.median(plain_means) / 1e6:9.1f} ms "
                  f"{statistics.median(traced_means) / 1e6:10.1f} ms {statistics.median(ratios):5.2f}x "
                  f"{statistics.median(pair_medians):5.2f}x {' '.join(f'{r:.2f}' for r in ratios):30} {per:>9} "
                  f"{mem:>13}", flush=True)
        print(f"{'':10} {jdk:4} (alternating: {warm} warm-up + {measured} measured rounds per JVM, "
              f"{args.repeat} JVM pairs per row; ratio = traced/plain over all measured rounds, median over pairs; "
              f"pairs = median of the round-by-round ratios)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--suite", choices=["calls", "alloc", "all"], default="all")
    ap.add_argument("--rounds", type=int, help="rounds per JVM, the warm second half counts (default: 20 calls, 60 alloc)")
    ap.add_argument("--repeat", type=int, default=5, help="interleaved repetitions (JVMs) of every configuration")
    ap.add_argument("--jdk", choices=["17", "25"], help="only this JDK (default: both, when present)")
    ap.add_argument("--workload", choices=list(WORKLOADS), help="calls suite: only this workload")
    ap.add_argument("--alternate", action="store_true",
                    help="alloc suite: run each configuration beside a plain JVM, both alive, taking rounds in turn "
                         "(cancels the machine's drift; --rounds = warm-up rounds, twice as many are measured)")
    ap.add_argument("--config", action="append", choices=[c[0] for c in EXTRA_ROWS + ALLOC_CONFIGS],
                    help="alloc suite: only this row (repeatable), e.g. to spend more JVMs on one ratio")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        classes = os.path.join(tmp, "classes")
        build(classes)
        jdks = [("17", os.path.join(JDK17, "bin", "java"))]
        if os.path.exists(os.path.join(JDK25, "bin", "java")):
            jdks.append(("25", os.path.join(JDK25, "bin", "java")))
        if args.jdk:
            jdks = [j for j in jdks if j[0] == args.jdk]
        if args.suite in ("alloc", "all"):
            (run_alternating_alloc_suite if args.alternate else run_alloc_suite)(jdks, classes, args, tmp)
        if args.suite == "alloc":
            return
        rounds = args.rounds or 20
        print(f"{'workload':10} {'jdk':4} {'configuration':14} {'mean round':>13} {'ns/call':>9} {'vs plain':>9}")
        for name, (main_class, filt) in WORKLOADS.items():
            if args.workload and name != args.workload:
                continue
            for jdk, java in jdks:
                plain, agent, tree, mt, calls = [], [], [], [], 0
                # faulthandler's hooks are on by default (fatal errors, SIGUSR1); their idle cost shows
                # as the difference between these rows on the call-heavy workload.
                # nanoTime: the clock without the native TSC library (JFRTRACE_NATIVE=off), for comparison.
                idle = {"no-fault": [], "+watchdog": [], "nanoTime": []} if name == "fib(32)" else {}
                timers = {"--timer count": [], "--timer cpu": []}
                for _ in range(args.repeat):
                    plain.append(run_plain(java, classes, main_class, rounds))
                    t, calls = run_jfr_trace(java, classes, main_class, rounds, tmp)
                    agent.append(t)
                    tree.append(run_jfr_trace(java, classes, main_class, rounds, tmp, ["--call-tree"])[0])
                    if idle:
                        idle["no-fault"].append(run_jfr_trace(java, classes, main_class, rounds, tmp,
                                                              ["--no-faulthandler"])[0])
                        idle["+watchdog"].append(run_jfr_trace(java, classes, main_class, rounds, tmp,
                                                               ["--watchdog", "1h"])[0])
                        idle["nanoTime"].append(run_jfr_trace(java, classes, main_class, rounds, tmp,
                                                              env={"JFRTRACE_NATIVE": "off"})[0])
                    for label, ts in timers.items():
                        timer_rounds = max(2, rounds // 10) if label == "--timer cpu" else rounds
                        ts.append(run_jfr_trace(java, classes, main_class, timer_rounds, tmp, label.split())[0])
                    if jdk == "25":
                        mt.append(run_method_timing(java, classes, main_class, filt, rounds, tmp))
                base = statistics.median(plain)
                rows = [("plain", base), ("jfr-trace", statistics.median(agent)), ("--call-tree", statistics.median(tree))]
                rows += [(label, statistics.median(ts)) for label, ts in idle.items()]
                rows += [(label, statistics.median(ts)) for label, ts in timers.items()]
                if mt:
                    rows.append(("jdk25-mt", statistics.median(mt)))
                for label, t in rows:
                    per_call = "" if label == "plain" else f"{(t - base) / calls:9.1f}"
                    print(f"{name:10} {jdk:4} {label:14} {t / 1e6:10.1f} ms {per_call:>9} {t / base:8.2f}x")
                print(f"{'':10} {jdk:4} ({calls:,.0f} profiled calls per round)")


if __name__ == "__main__":
    main()
