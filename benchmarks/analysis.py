#!/usr/bin/env python3
"""How fast jfr-trace analyses recordings, and in how much memory, beside the tools people would use instead.

Run on demand (never by the tests), from the project root after `mvn package`:

  python3 benchmarks/analysis.py [--rows startup,sample,calls,stock,sampled,concat,checkpoint] [-n 5]
                                 [--scale 1.0] [--inputs DIR] [--fresh] [--java PATH] [--jfr-trace PATH]
                                 [--sampled 'TEMPLATE'] [--service-options 'RECORD OPTIONS']

Each row runs our command and its peer on the same input, alternating (ABBA: ours, peer, peer, ours, ...) after
one unmeasured warm-up run of each, and reports the median whole-process wall time and the median peak RSS
(os.wait4's ru_maxrss) over N runs of each, the ratio, and the issue's target:

  startup     `jfr-trace --version` and `--help`            vs `java Hello` (a class compiled here)   <= 3x
  sample      `jfr-trace stats` on sample-recordings/Factorial.jfr  vs `jfr summary` on it            <= 0.7x
  calls       `jfr-trace stats` on a call-profile recording (>= 500k jfr-trace events) that
              `jfr-trace record` makes of a generated program (thousands of methods and call edges,
              two threads): jfr-trace events per second of wall time (>= 2M/s), peak RSS (<= 256 MB);
              `jfr summary` on the same file for information
  stock       `jfr-trace alloc` on a stock recording (>= 100 MB, >= 5M events: the JVM's own default.jfc with
              jdk.ObjectAllocationSample unthrottled and 2 KB TLABs, jdk.ExecutionSample every 1 ms; a
              generated program, two threads allocating, two computing)  vs async-profiler's converter
              `jfr-converter --alloc -o collapsed IN OUT`: <= 0.5x, peak RSS <= 300 MB
  sampled     `jfr-trace stats --profile wall --format collapsed` (the SAMPLED template below, or --sampled)
              vs the converter's default mode `-o collapsed` (its --cpu selects nothing in a stock
              recording): <= 0.5x, peak RSS <= 300 MB
  concat      memory does not grow with the file: the same commands on the file concatenated with itself
              (JFR files concatenate): peak RSS within 10% of the single file's
  checkpoint  `jfr-trace stats` on a short and on a long recording of the same service program, made with
              the recorder's checkpoint settings (SERVICE_RECORD_OPTIONS below, or --service-options):
              the time must not grow with the run's length (long/short <= 1.2x)

The inputs are made once and kept (with their event counts) in a private folder, by default
$XDG_CACHE_HOME/jfr-trace-benchmarks, else ~/.cache/jfr-trace-benchmarks (created 0700; refused if another user
could write to it); --fresh makes them again. --scale shrinks the generated recordings for a trial run (the
targets assume 1.0). Timings on shared machines are noisy: read the ratios, not the digits.
"""
import argparse
import json
import math
import os
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample-recordings" / "Factorial.jfr"
CONVERTER = Path.home() / ".m2/repository/tools/profiler/jfr-converter/4.5/jfr-converter-4.5.jar"

# Our aggregation of the execution samples of a stock recording by stack, the counterpart of the converter's
# default mode (execution and native-method samples: `stats --profile wall`): one place to point the benchmark at
# it. A command template: {jfr_trace} (the launcher), {java}, {jar} (cli/target/jfr-trace.jar), {bench_cp} (that jar
# and benchmarks/src/analysis/StacksBench compiled against it: the analyzer's aggregation alone), {input}, {output}.
# None: the row prints n/a.
SAMPLED = "{jfr_trace} stats --profile wall --format collapsed --quiet -o {output} {input}"
SAMPLED_MISSING = "no command yet for our sampled aggregation (set SAMPLED in benchmarks/analysis.py or --sampled)"

# The `record` options that make the recorder write its cumulative checkpoints with short flush and chunk
# settings, for the checkpoint row; None: the row prints n/a. The recorder writes a checkpoint at every chunk's end,
# and JFR ends a chunk every 12 MB by default: no option is needed.
SERVICE_RECORD_OPTIONS = ""
SERVICE_MISSING = "no checkpoint settings for record yet (set SERVICE_RECORD_OPTIONS or --service-options)"
SERVICE_SECONDS = (20, 120)  # the short and the long run, at scale 1

# Bump when a generator changes, so that kept inputs are made again.
GENERATOR_VERSION = 2


# ----------------------------------------------------------------------------------------------------------------
# Measuring


class Run:
    """One process: its whole wall time, peak RSS and exit code."""

    def __init__(self, wall, rss_kb, code, out):
        self.wall, self.rss_kb, self.code, self.out = wall, rss_kb, code, out


class Failed(Exception):
    """A measured command did not exit 0: its row says so, the others go on."""


def measure(cmd, out, env=None):
    """Runs cmd with stdout to `out` (stderr beside it) and returns its wall time and peak RSS (ru_maxrss)."""
    with open(out, "wb") as o, open(str(out) + ".err", "wb") as e:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=o, stderr=e, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)  # reaped here: tell Popen
    if p.returncode != 0:
        err = Path(str(out) + ".err").read_text(errors="replace").strip().splitlines()
        print(f"failed ({p.returncode}): {shlex.join(map(str, cmd))}\n" + "\n".join(err[-20:]), file=sys.stderr)
        raise Failed(f"{Path(cmd[0]).name} exited {p.returncode}: {err[0][:100] if err else ''}")
    return Run(wall, usage.ru_maxrss, p.returncode, out)


class Bench:
    def __init__(self, args, work):
        self.n, self.work = args.n, work
        self.java = Path(shutil.which(args.java) or args.java).resolve()
        self.java_home = self.java.parent.parent
        self.env = {**os.environ, "JAVA_HOME": str(self.java_home)}  # the launcher runs this JDK too
        self.jfr_trace = Path(args.jfr_trace).resolve()
        self.jar = ROOT / "cli" / "target" / "jfr-trace.jar"
        self.jfr_tool = self.java_home / "bin" / "jfr"
        self.runs = 0
        self.inputs = []  # (path, event counts) of the kept inputs used

    def ours(self, *args):
        return [str(self.jfr_trace)] + [str(a) for a in args]

    def alternate(self, commands):
        """
        Runs each (label, cmd) once unmeasured, then n times in ABBA order (the order reversed every other
        round), and returns {label: [Run]}.
        """
        result = {label: [] for label, _ in commands}
        for label, cmd in commands:
            measure(cmd, self.work / "warmup.out", self.env)
        for i in range(self.n):
            order = commands if i % 2 == 0 else list(reversed(commands))
            for label, cmd in order:
                self.runs += 1
                result[label].append(measure(cmd, self.work / f"{label}.out", self.env))
        return result


def wall(runs):
    return statistics.median(r.wall for r in runs)


def rss_mb(runs):
    return statistics.median(r.rss_kb for r in runs) / 1024


# ----------------------------------------------------------------------------------------------------------------
# The report


class Table:
    def __init__(self):
        self.rows = []

    def add(self, what, ours, peer="", ratio="", target="", ok=None):
        verdict = "" if ok is None else ("ok" if ok else "MISSED")
        self.rows.append((what, ours, peer, ratio, target, verdict))
        print(f"  {what}: {ours}   {peer}   {ratio}   {target}   {verdict}", file=sys.stderr, flush=True)

    def na(self, what, why, target=""):
        self.rows.append((what, "n/a", why, "", target, ""))

    def print(self):
        head = ("row", "jfr-trace", "peer (same run)", "ratio", "target", "")
        widths = [max(len(r[i]) for r in self.rows + [head]) for i in range(6)]
        line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()
        print(line(head))
        print(line(tuple("-" * w for w in widths)))
        for r in self.rows:
            print(line(r))


def secs(t):
    return f"{t:.3f} s" if t < 10 else f"{t:.1f} s"


def ratio_row(table, what, ours_runs, peer_runs, peer_name, limit):
    r = wall(ours_runs) / wall(peer_runs)
    table.add(what, f"{secs(wall(ours_runs))}, {rss_mb(ours_runs):.0f} MB",
              f"{secs(wall(peer_runs))}, {rss_mb(peer_runs):.0f} MB ({peer_name})", f"{r:.2f}x",
              f"<= {limit}x", r <= limit)


def rss_row(table, what, runs, limit_mb, peer_runs=None, peer_name=""):
    peer = f"{rss_mb(peer_runs):.0f} MB ({peer_name})" if peer_runs else ""
    table.add(what, f"{rss_mb(runs):.0f} MB", peer, "", f"<= {limit_mb} MB", rss_mb(runs) <= limit_mb)


def growth_row(table, what, single, double):
    g = rss_mb(double) / rss_mb(single)
    table.add(what, f"{rss_mb(double):.0f} MB on 2x, {secs(wall(double))}",
              f"{rss_mb(single):.0f} MB on 1x, {secs(wall(single))} (the same command)", f"{g:.2f}x", "<= 1.10x",
              g <= 1.10)


# ----------------------------------------------------------------------------------------------------------------
# Inputs


def private_folder(path):
    """Creates path 0700 if missing; refuses a folder that is not ours, is a link, or others could write to."""
    if not path.exists() and not path.is_symlink():
        old = os.umask(0o077)
        try:
            path.mkdir(parents=True)
        finally:
            os.umask(old)
    st = os.lstat(path)
    if path.is_symlink() or not path.is_dir() or st.st_uid != os.getuid() or st.st_mode & 0o022:
        raise SystemExit(f"analysis.py: unsafe inputs folder {path}: it must be a folder of yours that only you "
                         f"can write to (remove it, or pass --inputs)")
    return path


def default_inputs():
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "jfr-trace-benchmarks"


def event_counts(jfr_tool, recording):
    """{event type: count} from `jfr summary`."""
    out = subprocess.run([str(jfr_tool), "summary", str(recording)], check=True, capture_output=True,
                         text=True).stdout
    counts = {}
    for line in out.splitlines():
        m = re.match(r"\s*([\w.$]+)\s+(\d+)\s+\d+\s*$", line)
        if m and "." in m.group(1):
            counts[m.group(1)] = counts.get(m.group(1), 0) + int(m.group(2))
    return counts


def jfr_trace_events(counts):
    return sum(v for k, v in counts.items() if k.startswith("jfrtrace."))


def kept(inputs, name, make, seconds, bench, fresh, shortfall=None):
    """
    The input `name` in the inputs folder with its event counts, made by make(path, seconds) when missing or
    --fresh; made again over a longer run (up to twice) while shortfall(counts, size) says it is that many times
    too small (a busy machine records less in the same time).
    """
    path, meta = inputs / name, inputs / (name + ".json")
    if fresh or not path.exists() or not meta.exists():
        for p in (path, meta):
            p.unlink(missing_ok=True)
        tmp = inputs / ("part-" + name)  # the jfr tool wants a .jfr name
        started = time.perf_counter()
        for attempt in range(3):
            tmp.unlink(missing_ok=True)
            make(tmp, seconds)
            os.chmod(tmp, 0o600)
            counts = event_counts(bench.jfr_tool, tmp)
            short = shortfall(counts, tmp.stat().st_size) if shortfall else 1
            if short <= 1 or attempt == 2:
                break
            seconds = math.ceil(seconds * short * 1.2)
            print(f"input {name}: {short:.1f}x too small; making it again over {seconds} s", file=sys.stderr)
        tmp.rename(path)
        meta.write_text(json.dumps({"counts": counts, "seconds run": seconds,
                                    "seconds to make": round(time.perf_counter() - started, 1)}))
        os.chmod(meta, 0o600)
    counts = json.loads(meta.read_text())["counts"]
    bench.inputs.append((path, counts))
    print(f"input {path.name}: {path.stat().st_size / 1e6:.1f} MB, {sum(counts.values()):,} events "
          f"({jfr_trace_events(counts):,} jfr-trace events)", file=sys.stderr)
    return path, counts


def doubled(inputs, path):
    """The recording concatenated with itself (JFR files concatenate), kept beside it."""
    twice = inputs / (path.stem + "-2x.jfr")
    if not twice.exists() or twice.stat().st_mtime < path.stat().st_mtime:
        tmp = inputs / ("part-" + twice.name)
        with open(tmp, "wb") as out:
            for _ in range(2):
                with open(path, "rb") as f:
                    shutil.copyfileobj(f, out, 1 << 20)
        os.chmod(tmp, 0o600)
        tmp.rename(twice)
    return twice


def generate_program(src, package, groups, classes, methods, seed):
    """
    Java sources of a program with, for each (prefix, allocate) of groups, classes x methods static methods, each
    calling three others of its group (chosen at random, cycles included; a depth argument bounds them), so that
    every method and call edge runs in every sweep. A group that allocates has every method allocate an array that
    escapes (kept in a static ring): the allocations reach the heap, and the allocation events have many stacks.
    Main SECONDS THREADS DEPTH: THREADS threads (thread i on group i % groups) sweep their group until SECONDS
    have passed.
    """
    rnd = random.Random(seed)
    pkg = src / package
    pkg.mkdir(parents=True, exist_ok=True)
    for prefix, allocate in groups:
        for c in range(classes):
            body = [f"package {package};", "", f"public final class {prefix}{c} {{"]
            for m in range(methods):
                body.append(f"    public static int m{m}(int d) {{")
                body.append(f"        int r = d * 31 + {m};")
                if allocate:
                    body.append(f"        Sink.keep(new long[{1 + (c * methods + m) % 64}]);")
                body.append("        if (d > 0) {")
                for _ in range(3):
                    body.append(f"            r += {prefix}{rnd.randrange(classes)}.m{rnd.randrange(methods)}(d - 1);")
                body.append("        }")
                body.append("        return r;")
                body.append("    }")
            body.append("    static int sweep(int d) {")
            body.append("        int r = 0;")
            body += [f"        r += m{m}(d);" for m in range(methods)]
            body.append("        return r;")
            body.append("    }")
            body.append("}")
            (pkg / f"{prefix}{c}.java").write_text("\n".join(body) + "\n")
    (pkg / "Sink.java").write_text(f"""package {package};

final class Sink {{
    private static final Object[] RING = new Object[4096];
    private static int next;

    static void keep(Object o) {{
        RING[next++ & (RING.length - 1)] = o; // racy on purpose: only the allocation matters
    }}
}}
""")
    sweeps = "\n".join(
        f"        case {g}:\n" + "\n".join(f"            r += {prefix}{c}.sweep(d);" for c in range(classes))
        + "\n            break;" for g, (prefix, _) in enumerate(groups))
    (pkg / "Main.java").write_text(f"""package {package};

public final class Main {{
    static volatile int sink;

    static int sweep(int group, int d) {{
        int r = 0;
        switch (group) {{
{sweeps}
        default:
            throw new IllegalArgumentException("group " + group);
        }}
        return r;
    }}

    public static void main(String[] args) throws InterruptedException {{
        long end = System.nanoTime() + (long) (Double.parseDouble(args[0]) * 1e9);
        int depth = Integer.parseInt(args[2]);
        Thread[] threads = new Thread[Integer.parseInt(args[1])];
        for (int i = 0; i < threads.length; i++) {{
            int group = i % {len(groups)};
            threads[i] = new Thread(() -> {{
                int r = 0;
                while (System.nanoTime() < end) {{
                    r += sweep(group, depth);
                }}
                sink += r;
            }}, "worker-" + i);
            threads[i].start();
        }}
        for (Thread t : threads) {{
            t.join();
        }}
        System.out.println("done " + sink);
    }}
}}
""")


def compile_program(bench, src, classes):
    sources = [str(p) for p in src.rglob("*.java")]
    subprocess.run([str(bench.java_home / "bin" / "javac"), "-g", "--release", "17", "-nowarn", "-d", str(classes)]
                   + sources, check=True)


def make_calls_recording(bench):
    """A call profile of a generated program (6000 methods, ~24k call edges, 2 threads) made by `record`."""
    def make(out, seconds):
        src, classes = bench.work / "calls-src", bench.work / "calls-classes"
        if not classes.exists():
            generate_program(src, "gencalls", [("C", False)], classes=60, methods=100, seed=11)
            compile_program(bench, src, classes)
        subprocess.run(bench.ours("record", "-q", "-o", out, "--", "-cp", classes, "gencalls.Main", seconds, 2, 1),
                       check=True, env=bench.env, stdout=subprocess.DEVNULL)
    return make


def stock_settings(bench, out):
    """The JDK's default.jfc with allocation samples unthrottled and execution samples every 1 ms."""
    tree = ET.parse(bench.java_home / "lib" / "jfr" / "default.jfc")
    wanted = {"jdk.ObjectAllocationSample": {"enabled": "true", "throttle": "off", "stackTrace": "true"},
              "jdk.ExecutionSample": {"enabled": "true", "period": "1 ms"}}
    for event in tree.getroot().iter("event"):
        for name, value in wanted.get(event.get("name"), {}).items():
            for setting in event.iter("setting"):
                if setting.get("name") == name:
                    setting.text = value
                    setting.attrib.pop("control", None)
    tree.write(out, encoding="UTF-8", xml_declaration=True)


def make_stock_recording(bench):
    """
    The JVM's own recorder on a generated program: two threads allocate (2 KB TLABs, so that the unthrottled
    allocation samples, one per TLAB refill, are many), two compute (the execution samples).
    """
    def make(out, seconds):
        src, classes = bench.work / "stock-src", bench.work / "stock-classes"
        if not classes.exists():
            generate_program(src, "genalloc", [("A", True), ("C", False)], classes=40, methods=50, seed=7)
            compile_program(bench, src, classes)
        jfc = bench.work / "stock.jfc"
        stock_settings(bench, jfc)
        subprocess.run([str(bench.java), f"-XX:StartFlightRecording:filename={out},settings={jfc}",
                        "-Xlog:jfr*=off", "-XX:TLABSize=2k", "-XX:-ResizeTLAB", "-Xmx256m",
                        "-cp", str(classes), "genalloc.Main", str(seconds), "4", "2"],
                       check=True, stdout=subprocess.DEVNULL)
    return make


def bench_classpath(bench):
    """benchmarks/src/analysis/StacksBench compiled against the jar, once per run, and the jar: for {bench_cp}."""
    classes = bench.work / "analysis-classes"
    if not classes.exists():
        sources = [str(ROOT / "benchmarks" / "src" / "analysis" / "StacksBench.java")]
        subprocess.run([str(bench.java_home / "bin" / "javac"), "-d", str(classes), "-cp", str(bench.jar)] + sources,
                       check=True)
    return os.pathsep.join([str(classes), str(bench.jar)])


def template(cmd, bench, **files):
    words = shlex.split(cmd)
    values = {"jfr_trace": str(bench.jfr_trace), "java": str(bench.java), "jar": str(bench.jar),
              **{k: str(v) for k, v in files.items()}}
    if "{bench_cp}" in cmd:
        values["bench_cp"] = bench_classpath(bench)
    return [w.format(**values) for w in words]


# ----------------------------------------------------------------------------------------------------------------
# The rows


def startup_rows(bench, table):
    src = bench.work / "hello"
    src.mkdir()
    (src / "Hello.java").write_text('public class Hello { public static void main(String[] a) '
                                    '{ System.out.println("Hello"); } }\n')
    subprocess.run([str(bench.java_home / "bin" / "javac"), "-d", str(src), str(src / "Hello.java")], check=True)
    hello = [str(bench.java), "-cp", str(src), "Hello"]
    for option in ("--version", "--help"):
        runs = bench.alternate([("ours", bench.ours(option)), ("peer", hello)])
        ratio_row(table, f"jfr-trace {option}", runs["ours"], runs["peer"], "java Hello", 3)


def sample_rows(bench, table):
    runs = bench.alternate([("ours", bench.ours("stats", SAMPLE)), ("peer", [str(bench.jfr_tool), "summary", str(SAMPLE)])])
    ratio_row(table, f"stats {SAMPLE.name}", runs["ours"], runs["peer"], "jfr summary", 0.7)


def calls_rows(bench, table, calls, counts):
    ours_events = jfr_trace_events(counts)
    runs = bench.alternate([("ours", bench.ours("stats", calls)),
                            ("peer", [str(bench.jfr_tool), "summary", str(calls)])])
    rate = ours_events / wall(runs["ours"])
    size = calls.stat().st_size / 1e6
    table.add(f"stats calls ({ours_events / 1e3:,.0f}k jfr-trace events, {size:.0f} MB): events/s",
              f"{rate / 1e6:.2f} M/s ({secs(wall(runs['ours']))})",
              f"{secs(wall(runs['peer']))}, {rss_mb(runs['peer']):.0f} MB (jfr summary)", "", ">= 2 M/s", rate >= 2e6)
    rss_row(table, "stats calls: peak RSS", runs["ours"], 256)
    if ours_events < 500_000:
        table.na("(calls input)", f"only {ours_events:,} jfr-trace events: the targets assume >= 500k (--scale 1)")


def stock_note(stock, counts):
    return f"({stock.stat().st_size / 1e6:.0f} MB, {sum(counts.values()) / 1e6:.1f}M events)"


def stock_rows(bench, table, stock, counts):
    if sum(counts.values()) < 5_000_000 or stock.stat().st_size < 100e6:
        table.na("(stock input)", f"{stock_note(stock, counts)}: the targets assume >= 100 MB and >= 5M events "
                 f"(--scale 1)")
    out = bench.work / "converter.collapsed"
    runs = bench.alternate([("ours", bench.ours("alloc", stock)),
                            ("peer", [str(bench.java), "-jar", str(CONVERTER), "--alloc", "-o", "collapsed",
                                      str(stock), str(out)])])
    ratio_row(table, f"alloc stock {stock_note(stock, counts)}", runs["ours"], runs["peer"],
              "jfr-converter --alloc", 0.5)
    rss_row(table, "alloc stock: peak RSS", runs["ours"], 300, runs["peer"], "jfr-converter")


def sampled_rows(bench, table, stock, counts, sampled):
    what = f"execution samples by stack, stock {stock_note(stock, counts)}"
    if sampled is None:
        table.na(what, SAMPLED_MISSING, "<= 0.5x")
        return
    out, ours_out = bench.work / "converter.collapsed", bench.work / "ours.collapsed"
    runs = bench.alternate([("ours", template(sampled, bench, input=stock, output=ours_out)),
                            ("peer", [str(bench.java), "-jar", str(CONVERTER), "-o", "collapsed", str(stock),
                                      str(out)])])
    ratio_row(table, what, runs["ours"], runs["peer"], "jfr-converter -o collapsed", 0.5)
    rss_row(table, "execution samples by stack: peak RSS", runs["ours"], 300, runs["peer"], "jfr-converter")


def concat_rows(bench, table, inputs, calls, stock, sampled):
    if calls is not None:
        twice = doubled(inputs, calls)
        runs = bench.alternate([("single", bench.ours("stats", calls)), ("double", bench.ours("stats", twice))])
        growth_row(table, "stats calls x2: peak RSS", runs["single"], runs["double"])
    if stock is not None:
        twice = doubled(inputs, stock)
        runs = bench.alternate([("single", bench.ours("alloc", stock)), ("double", bench.ours("alloc", twice))])
        growth_row(table, "alloc stock x2: peak RSS", runs["single"], runs["double"])
        if sampled is None:
            table.na("execution samples by stack, stock x2: peak RSS", SAMPLED_MISSING, "<= 1.10x")
        else:
            out = bench.work / "ours.collapsed"
            runs = bench.alternate([("single", template(sampled, bench, input=stock, output=out)),
                                    ("double", template(sampled, bench, input=twice, output=out))])
            growth_row(table, "execution samples by stack, stock x2: peak RSS", runs["single"], runs["double"])


def checkpoint_rows(bench, table, inputs, args):
    options = args.service_options if args.service_options is not None else SERVICE_RECORD_OPTIONS
    if options is None:
        table.na("stats: long vs short service recording", SERVICE_MISSING, "<= 1.2x")
        return
    options = shlex.split(options) if isinstance(options, str) else list(options)
    def make(out, seconds):
        src, classes = bench.work / "service-src", bench.work / "service-classes"
        if not classes.exists():
            generate_program(src, "genservice", [("C", False)], classes=20, methods=50, seed=5)
            compile_program(bench, src, classes)
        subprocess.run(bench.ours("record", "-q", "-o", out, *options, "--", "-cp", classes, "genservice.Main",
                                  seconds, 2, 1), check=True, env=bench.env, stdout=subprocess.DEVNULL)

    tag = re.sub(r"[^\w.-]+", "_", " ".join(options))[:60]
    lengths = [max(2, round(s * args.scale)) for s in SERVICE_SECONDS]
    recordings = [kept(inputs, f"service-v{GENERATOR_VERSION}-{seconds}s-{bench.java_home.name}-{tag}.jfr", make,
                       seconds, bench, args.fresh)[0] for seconds in lengths]
    short, long_ = recordings
    runs = bench.alternate([("short", bench.ours("stats", short)), ("long", bench.ours("stats", long_))])
    r = wall(runs["long"]) / wall(runs["short"])
    table.add(f"stats service, {lengths[1]} s vs {lengths[0]} s run",
              f"{secs(wall(runs['long']))}, {rss_mb(runs['long']):.0f} MB",
              f"{secs(wall(runs['short']))}, {rss_mb(runs['short']):.0f} MB (the short run)", f"{r:.2f}x", "<= 1.2x",
              r <= 1.2)


def main():
    rows = ["startup", "sample", "calls", "stock", "sampled", "concat", "checkpoint"]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", default=",".join(rows), help="comma-separated, of: " + ", ".join(rows))
    ap.add_argument("-n", type=int, default=5, help="measured runs of each command (median; default 5)")
    ap.add_argument("--scale", type=float, default=1.0, help="length of the generated recordings (trial runs: 0.1)")
    ap.add_argument("--inputs", type=Path, default=default_inputs(), help="where the inputs are kept")
    ap.add_argument("--fresh", action="store_true", help="make the inputs again")
    ap.add_argument("--java", default=str(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
                    if os.environ.get("JAVA_HOME") else "java", help="the JDK for everything (default: JAVA_HOME's)")
    ap.add_argument("--jfr-trace", default=str(ROOT / "jfr-trace"), help="the launcher to measure")
    ap.add_argument("--sampled", default=SAMPLED, help="our sampled aggregation, a command template "
                    "({jfr_trace} {java} {jar} {bench_cp} {input} {output}); default: SAMPLED in this file")
    ap.add_argument("--service-options", help="record's checkpoint options for the checkpoint row")
    args = ap.parse_args()
    chosen = [r.strip() for r in args.rows.split(",") if r.strip()]
    unknown = [r for r in chosen if r not in rows]
    if unknown:
        ap.error(f"unknown rows {unknown}; the rows are {', '.join(rows)}")
    if not (ROOT / "cli" / "target" / "jfr-trace.jar").exists():
        raise SystemExit("analysis.py: build first: mvn -B -q -DskipTests package")
    inputs = private_folder(args.inputs.resolve())
    table = Table()
    with tempfile.TemporaryDirectory(prefix="jfr-trace-analysis-") as tmp:
        bench = Bench(args, Path(tmp))
        if not os.access(bench.java, os.X_OK) or not bench.jfr_tool.exists():
            raise SystemExit(f"analysis.py: {args.java} is not the java of a JDK with the jfr tool")
        jdk = bench.java_home.name
        calls = stock = None
        def row(name, fn, *fn_args):
            try:
                fn(*fn_args)
            except Failed as e:
                table.na(name, f"failed: {e}")

        if "startup" in chosen:
            row("startup", startup_rows, bench, table)
        if "sample" in chosen:
            row("sample", sample_rows, bench, table)
        if {"calls", "concat"} & set(chosen):
            seconds = max(2, round(40 * args.scale))
            enough = (lambda counts, size: 500_000 / max(1, jfr_trace_events(counts))) if args.scale >= 1 else None
            calls, counts = kept(inputs, f"calls-v{GENERATOR_VERSION}-{seconds}s-{jdk}.jfr",
                                 make_calls_recording(bench), seconds, bench, args.fresh, enough)
            if "calls" in chosen:
                row("calls", calls_rows, bench, table, calls, counts)
        if {"stock", "sampled", "concat"} & set(chosen):
            seconds = max(2, round(60 * args.scale))
            enough = (lambda counts, size: max(5e6 / max(1, sum(counts.values())), 100e6 / size)) \
                if args.scale >= 1 else None
            stock, counts = kept(inputs, f"stock-v{GENERATOR_VERSION}-{seconds}s-{jdk}.jfr",
                                 make_stock_recording(bench), seconds, bench, args.fresh, enough)
            if "stock" in chosen:
                row("stock", stock_rows, bench, table, stock, counts)
            if "sampled" in chosen:
                row("sampled", sampled_rows, bench, table, stock, counts, args.sampled)
        if "concat" in chosen:
            row("concat", concat_rows, bench, table, inputs, calls, stock, args.sampled)
        if "checkpoint" in chosen:
            row("checkpoint", checkpoint_rows, bench, table, inputs, args)
        print()
        print(f"jfr-trace analysis benchmark: {bench.java_home} ({bench.n} runs of each command after a warm-up, "
              f"median; alternating; {os.cpu_count()} CPUs)")
        table.print()
        for path, counts in bench.inputs:
            print(f"  {path.name}: {path.stat().st_size / 1e6:.1f} MB, {sum(counts.values()):,} events "
                  f"({jfr_trace_events(counts):,} jfr-trace events), in {path.parent}")


if __name__ == "__main__":
    main()
