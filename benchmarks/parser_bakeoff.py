#!/usr/bin/env python3
"""The parser bake-off of docs/architecture.md: the same aggregations read by each candidate parser (issue 11).

The targets themselves (jfr-trace beside `jfr summary` and the converter) are benchmarks/analysis.py.

It makes its own inputs in a private temporary folder (or --inputs DIR, kept for the next run):
  sample     the shipped sample-recordings/Factorial.jfr
  calls      a call-profile recording: a generated program of 3000 methods and 5500 call edges
             (callprofile_program.py) run under the agent with a 200 ms flush for 20 s (>= 500 k jfr-trace events)
  stock      a stock recording of >= 100 MB and >= 5 M events: bench.StockLoad (4 threads allocating through a few
             hundred stacks) under -XX:StartFlightRecording with the TLAB allocation events and 1 ms execution samples
  *2         each file concatenated with itself (JFR files concatenate): memory must not grow with the file

It runs the same aggregation with JMC's parser, async-profiler's one.jfr.JfrReader (one thread, and chunks on two
threads) and the JDK's EventStream, one JVM each (analysis.ParserBakeoff; needs the built cli/target/jfr-trace.jar
and jfr-converter 4.5 in ~/.m2).

Every figure is one process's wall time and peak RSS (wait4), the median of --repeat runs. Timings on a shared
machine are noisy: run it on a quiet one and read the ratios.
Usage: python3 benchmarks/parser_bakeoff.py [--repeat 3] [--inputs DIR]
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
AGENT = os.path.join(ROOT, "recorder", "target", "jfr-trace-recorder-0.1.0-SNAPSHOT-agent.jar")
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
    calls = os.path.join(folder, "calls.jfr")
    if not os.path.exists(calls):
        print("making %s (about 20 s)..." % calls, flush=True)
        program = os.path.join(folder, "calls")
        sources, main, _, _ = callprofile_program.write(program)
        out = os.path.join(program, "classes")
        os.makedirs(out, exist_ok=True)
        sh([JAVAC, "-d", out] + sources)
        sh([JAVA, "-Xshare:off", "-javaagent:%s=output=%s,flushInterval=200,settings=none,include=gen.*,quiet=true"
            % (AGENT, calls), "-cp", out, main, "20"], stdout=subprocess.DEVNULL)
    files = {"sample": os.path.join(ROOT, "sample-recordings", "Factorial.jfr"), "calls": calls, "stock": stock}
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
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--inputs", help="folder for the generated inputs (kept); default: a private temporary folder")
    args = ap.parse_args()
    os.umask(0o077)
    folder = args.inputs or tempfile.mkdtemp(prefix="jfrtrace-analysis-")
    try:
        files = make_inputs(folder)
        bakeoff(files, args.repeat, folder)
    finally:
        if not args.inputs:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
