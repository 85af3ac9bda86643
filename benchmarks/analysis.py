#!/usr/bin/env python3
"""Speed and memory of jfr-trace's analysis, measured side by side with its peers in one run (issue 11).

It makes its own inputs in a private temporary folder (or --inputs DIR, kept for the next run):
  sample     the shipped sample-recordings/Factorial.jfr
  calls      a call-profile recording: a generated program of 3000 methods and 5500 call edges
             (callprofile_program.py) run under the agent with a 200 ms flush for 20 s (>= 500 k jfr-trace events);
             calls-short the same for 5 s (stats' time must not grow with the run: checkpoints)
  stock      a stock recording of >= 100 MB and >= 5 M events: bench.StockLoad (4 threads allocating through a few
             hundred stacks) under -XX:StartFlightRecording with the TLAB allocation events and 1 ms execution samples
  *2         each file concatenated with itself (JFR files concatenate): memory must not grow with the file

Parts (default: all):
  --bakeoff  the parser bake-off of docs/architecture.md: the same aggregation with JMC's parser, async-profiler's
             one.jfr.JfrReader (one thread, and chunks on two threads) and the JDK's EventStream, one JVM each
             (analysis.ParserBakeoff; needs the built cli/target/jfr-trace.jar and jfr-converter 4.5 in ~/.m2)
  --targets  the issue's targets: jfr-trace's commands beside `jfr summary` and async-profiler's converter
             (`--alloc -o collapsed`, and its default mode for execution samples), each with its ratio

Every figure is one process's wall time and peak RSS (wait4), the median of --repeat runs. Timings on a shared
machine are noisy: run it on a quiet one and read the ratios.
Usage: python3 benchmarks/analysis.py [--bakeoff] [--targets] [--repeat 3] [--inputs DIR]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import callprofile_program  # noqa: E402

JAR = os.environ.get("JFRTRACE_JAR", os.path.join(ROOT, "cli", "target", "jfr-trace.jar"))
AGENT = os.path.join(ROOT, "recorder", "target", "jfr-trace-agent.jar")
CONVERTER = os.path.expanduser("~/.m2/repository/tools/profiler/jfr-converter/4.5/jfr-converter-4.5.jar")
JAVA = shutil.which("java")
JAVAC = shutil.which("javac")
JFR = shutil.which("jfr")

STOCK_SETTINGS = ("settings=profile,jdk.ExecutionSample#period=1ms,"
                  "jdk.ObjectAllocationInNewTLAB#enabled=true,jdk.ObjectAllocationInNewTLAB#stackTrace=true,"
                  "jdk.ObjectAllocationOutsideTLAB#enabled=true,jdk.ObjectAllocationOutsideTLAB#stackTrace=true")


def sh(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def measure(cmd, repeat, stdout=subprocess.DEVNULL):
    """Median wall seconds and peak RSS (MB) of `repeat` runs of cmd, each its own process."""
    walls, rss = [], []
    for _ in range(repeat):
        start = time.monotonic()
        p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        walls.append(time.monotonic() - start)
        err = p.stderr.read().decode(errors="replace")
        p.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit("failed (%s): %s\n%s" % (os.waitstatus_to_exitcode(status), " ".join(cmd), err))
        rss.append(usage.ru_maxrss / 1024.0)
    return statistics.median(walls), statistics.median(rss)


def make_inputs(folder):
    """The three inputs and their doubles, made once per folder."""
    classes = os.path.join(folder, "classes")
    if not os.path.isdir(classes):
        os.makedirs(classes)
        sh([JAVAC, "-g", "--release", "17", "-d", classes, os.path.join(HERE, "src", "bench", "StockLoad.java")])
    stock = os.path.join(folder, "stock.jfr")
    if not os.path.exists(stock):
        print("making %s (about a minute)..." % stock, flush=True)
        sh([JAVA, "-XX:TLABSize=4k", "-XX:-ResizeTLAB",
            "-XX:StartFlightRecording:filename=%s,%s" % (stock, STOCK_SETTINGS), "-Xlog:jfr*=warning",
            "-cp", classes, "bench.StockLoad", "62", "4"], stdout=subprocess.DEVNULL)
    program = os.path.join(folder, "calls")
    for name, seconds in (("calls.jfr", 20), ("calls-short.jfr", 5)):
        calls = os.path.join(folder, name)
        if not os.path.exists(calls):
            print("making %s (about %d s)..." % (calls, seconds), flush=True)
            out = os.path.join(program, "classes")
            if not os.path.isdir(out):
                sources, main, _, _ = callprofile_program.write(program)
                os.makedirs(out)
                sh([JAVAC, "-d", out] + sources)
            sh([JAVA, "-Xshare:off", "-javaagent:%s=output=%s,flushInterval=200,settings=none,include=gen.*,quiet=true"
                % (AGENT, calls), "-cp", out, "gen.Main", str(seconds)], stdout=subprocess.DEVNULL)
    files = {"sample": os.path.join(ROOT, "sample-recordings", "Factorial.jfr"),
             "calls": os.path.join(folder, "calls.jfr"), "calls-short": os.path.join(folder, "calls-short.jfr"),
             "stock": stock}
    for name in ("calls", "stock"):
        double = files[name][:-4] + "2.jfr"
        if not os.path.exists(double):
            with open(double, "wb") as out, open(files[name], "rb") as one:
                data = one.read()
                out.write(data)
                out.write(data)
        files[name + "2"] = double
    return files


def bakeoff(files, repeat, folder):
    classes = os.path.join(folder, "bakeoff")
    cp = os.pathsep.join([classes, JAR, CONVERTER])
    if not os.path.isdir(classes):
        os.makedirs(classes)
        sh([JAVAC, "-d", classes, "-cp", cp, os.path.join(HERE, "src", "analysis", "ParserBakeoff.java")])
    print("\nParser bake-off: the same aggregation, one JVM per cell (wall s / peak RSS MB)")
    parsers = ["jmc", "jmc2", "jdk", "jfrreader", "jfrreader2"]
    print("%-34s" % "task" + "".join("%18s" % p for p in parsers))
    for task, name in (("deltas", "calls"), ("exec", "stock"), ("alloc", "stock")):
        row = "%-34s" % ("%s on %s" % (task, os.path.basename(files[name])))
        for parser in parsers:
            wall, rss = measure([JAVA, "-cp", cp, "analysis.ParserBakeoff", parser, task, files[name]], repeat)
            row += "%18s" % ("%.2f / %.0f" % (wall, rss))
        print(row, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bakeoff", action="store_true")
    ap.add_argument("--targets", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--inputs", help="folder for the generated inputs (kept); default: a private temporary folder")
    args = ap.parse_args()
    parts = [p for p in ("bakeoff", "targets") if getattr(args, p)] or ["bakeoff", "targets"]
    os.umask(0o077)
    folder = args.inputs or tempfile.mkdtemp(prefix="jfrtrace-analysis-")
    try:
        files = make_inputs(folder)
        if "bakeoff" in parts:
            bakeoff(files, args.repeat, folder)
        if "targets" in parts:
            targets(files, args.repeat, folder)
    finally:
        if not args.inputs:
            shutil.rmtree(folder, ignore_errors=True)


def summary_counts(path):
    """Event counts per type, from `jfr summary`."""
    out = subprocess.run([JFR, "summary", path], check=True, capture_output=True, text=True).stdout
    counts = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1].isdigit() and "." in parts[0]:
            counts[parts[0]] = int(parts[1])
    return counts


def row(what, ours, peer, target, ok):
    print("%-58s %-22s %-22s %-26s %s" % (what, ours, peer, target, "ok" if ok else "MISSED"), flush=True)


def targets(files, repeat, folder):
    launcher = [os.path.join(ROOT, "jfr-trace")]
    classes = os.path.join(folder, "hello")
    if not os.path.isdir(classes):
        os.makedirs(classes)
        with open(os.path.join(classes, "Hello.java"), "w") as f:
            f.write('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n')
        sh([JAVAC, "-d", classes, os.path.join(classes, "Hello.java")])
    bench = os.path.join(folder, "stacksbench")
    if not os.path.isdir(bench):
        os.makedirs(bench)
        sh([JAVAC, "-d", bench, "-cp", JAR, os.path.join(HERE, "src", "analysis", "StacksBench.java")])
    stacks = [JAVA, "-cp", os.pathsep.join([bench, JAR]), "analysis.StacksBench"]
    out = os.path.join(folder, "out.collapsed")
    calls_events = sum(n for t, n in summary_counts(files["calls"]).items() if t.startswith("jfrtrace."))
    stock_counts = summary_counts(files["stock"])
    print("\nTargets (issue 11), median of %d runs each: wall s / peak RSS MB" % repeat)
    print("inputs: %s %d jfr-trace events, %.0f MB; %s %d events, %.0f MB" % (
        os.path.basename(files["calls"]), calls_events, os.path.getsize(files["calls"]) / 1e6,
        os.path.basename(files["stock"]), sum(stock_counts.values()), os.path.getsize(files["stock"]) / 1e6))
    print("%-58s %-22s %-22s %-26s %s" % ("work", "jfr-trace", "peer", "target", ""))

    hello = measure([JAVA, "-cp", classes, "Hello"], repeat)
    for args in (["--version"], ["--help"]):
        w, m = measure(launcher + args, repeat)
        row("jfr-trace " + args[0], "%.2f s" % w, "java Hello %.2f s" % hello[0], "<= 3 x (%.2f)" % (w / hello[0]),
            w <= 3 * hello[0])
    w, m = measure(launcher + ["stats", files["sample"]], repeat)
    peer = measure([JFR, "summary", files["sample"]], repeat)
    row("stats " + os.path.basename(files["sample"]), "%.2f s" % w, "jfr summary %.2f s" % peer[0],
        "<= 0.7 x (%.2f)" % (w / peer[0]), w <= 0.7 * peer[0])
    w, m = measure(launcher + ["stats", files["calls"]], repeat)
    rate = calls_events / w
    row("stats %s" % os.path.basename(files["calls"]), "%.2f s, %.0f MB" % (w, m), "-",
        ">= 2 M ev/s (%.2f M), <= 256 MB" % (rate / 1e6), rate >= 2e6 and m <= 256)
    w2, m2 = measure(launcher + ["stats", files["calls2"]], repeat)
    row("  the same file twice (memory)", "%.2f s, %.0f MB" % (w2, m2), "-", "<= 1.1 x RSS (%.2f)" % (m2 / m),
        m2 <= 1.1 * m)
    ws, ms = measure(launcher + ["stats", files["calls-short"]], repeat)
    row("  a 4 x shorter run of the same program", "%.2f s" % ws, "-", "the same time (%.2f x)" % (w / ws),
        w <= 1.2 * ws)
    conv_alloc = measure([JAVA, "-jar", CONVERTER, "--alloc", "-o", "collapsed", files["stock"], out], repeat)
    conv_exec = measure([JAVA, "-jar", CONVERTER, "-o", "collapsed", files["stock"], out], repeat)
    w, m = measure(launcher + ["alloc", files["stock"]], repeat)
    row("alloc %s (stock fallback)" % os.path.basename(files["stock"]), "%.2f s, %.0f MB" % (w, m),
        "converter --alloc %.2f s" % conv_alloc[0], "<= 0.5 x (%.2f), <= 300 MB" % (w / conv_alloc[0]),
        w <= 0.5 * conv_alloc[0] and m <= 300)
    w2, m2 = measure(launcher + ["alloc", files["stock2"]], repeat)
    row("  the same file twice (memory)", "%.2f s, %.0f MB" % (w2, m2), "-", "<= 1.1 x RSS (%.2f)" % (m2 / m),
        m2 <= 1.1 * m)
    for name, args, conv in (("execution samples by stack", [], conv_exec),
                             ("allocations by stack", ["--alloc"], conv_alloc)):
        w, m = measure(stacks + args + [files["stock"], out], repeat)
        row("%s (analysis.StacksBench)" % name, "%.2f s, %.0f MB" % (w, m),
            "converter %.2f s" % conv[0], "<= 0.5 x (%.2f), <= 300 MB" % (w / conv[0]),
            w <= 0.5 * conv[0] and m <= 300)
        w2, m2 = measure(stacks + args + [files["stock2"], out], repeat)
        row("  the same file twice (memory)", "%.2f s, %.0f MB" % (w2, m2), "-", "<= 1.1 x RSS (%.2f)" % (m2 / m),
            m2 <= 1.1 * m)


if __name__ == "__main__":
    main()
