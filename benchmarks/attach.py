#!/usr/bin/env python3
"""Whether a service runs at its plain speed again after `jfr-trace attach` (issue 15, part 3).

Run on demand (never by the tests), from the project root after `mvn package`:

  python3 benchmarks/attach.py [--rounds 30] [--window 5] [--java PATH] [--mode OPTION]...

Two JVMs run the same service (attach.AttachService, benchmarks/src/attach: each round evaluates expression trees
through four node classes, about 1.6 M small virtual calls) side by side, idle between rounds, asked for rounds in
turn (ABBA: neither always first on this drifting machine):

  service  the JVM that jfr-trace attaches to
  control  the same program, never attached: what the machine gives at that moment

In three phases, each after its own warm-up rounds:

  before   both plain
  window   `jfr-trace attach PID [--mode options]` has instrumented the service's loaded classes by retransformation;
           its rounds are profiled (what attach costs while it records); it lasts at least --window seconds, then
           `jfr-trace attach --stop PID` restores the classes and ends the recording
  after    the service runs its own bytecode again (JIT-compiled anew after the warm-up)

For each phase it prints the median round of both JVMs and the median of the per-pair ratios service / control;
then `after / before` of those ratios, beside the noise: how far the ratio of two plain JVMs moves between pairs
(the interquartile range of the before phase's pair ratios, relative to their median). The service is back to its
plain speed when after / before is within 1 +- max(noise, 3 %). It also prints the calls the window recorded.
Timings on shared machines are noisy: read the ratios of one run, not the digits.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = ROOT / "jfr-trace"
SOURCE = ROOT / "benchmarks/src/attach/AttachService.java"
WARM_ROUNDS = 15
TOLERANCE = 0.03


class Service:
    """One JVM running AttachService, asked for rounds over its stdin."""

    def __init__(self, java, classes):
        self.process = subprocess.Popen([java, "-cp", str(classes), "attach.AttachService"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        if self.process.stdout.readline().strip() != "ready":
            sys.exit("attach.py: the service did not start")

    def round(self):
        self.process.stdin.write("round\n")
        self.process.stdin.flush()
        return int(self.process.stdout.readline().split()[0]) / 1e9

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def phase(service, control, rounds):
    """Rounds of both, ABBA; (service's rounds, control's rounds, per-pair ratios)."""
    s, c = [], []
    for i in range(rounds):
        if i % 2 == 0:
            s.append(service.round())
            c.append(control.round())
        else:
            c.append(control.round())
            s.append(service.round())
    return s, c, [a / b for a, b in zip(s, c)]


def warm(service, control):
    for _ in range(WARM_ROUNDS):
        service.round()
        control.round()


def jfr_trace(args, **kw):
    return subprocess.run([str(LAUNCHER)] + args, capture_output=True, text=True, **kw)


def quartiles(xs):
    q = statistics.quantiles(xs, n=4)
    return q[0], q[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=30, help="measured rounds per phase and JVM")
    ap.add_argument("--window", type=float, default=5.0, help="the attach window's least length, seconds")
    ap.add_argument("--java", default=shutil.which("java"), help="the JDK's java both services run on")
    ap.add_argument("--mode", action="append", default=[], help="a profiling option of attach (e.g. --timer=count)")
    args = ap.parse_args()
    os.environ["JAVA_HOME"] = str(Path(args.java).resolve().parent.parent)

    tmp = Path(tempfile.mkdtemp(prefix="jfr-trace-attach-bench-"))  # mkdtemp: the owner's alone
    try:
        javac = Path(args.java).resolve().parent / "javac"
        subprocess.run([str(javac), "-d", str(tmp / "classes"), str(SOURCE)], check=True)
        service, control = Service(args.java, tmp / "classes"), Service(args.java, tmp / "classes")
        pid = str(service.process.pid)
        results = {}

        warm(service, control)
        results["before"] = phase(service, control, args.rounds)

        out = tmp / "window.jfr"
        started = jfr_trace(["attach", "-o", str(out)] + args.mode + [pid])
        if started.returncode != 0:
            sys.exit("attach.py: jfr-trace attach failed: " + started.stderr.strip())
        opened = time.monotonic()
        warm(service, control)
        results["window"] = phase(service, control, args.rounds)
        while time.monotonic() - opened < args.window:
            service.round()
            control.round()
        stopped = jfr_trace(["attach", "--stop", pid])
        if stopped.returncode != 0:
            sys.exit("attach.py: jfr-trace attach --stop failed: " + stopped.stderr.strip())

        warm(service, control)
        results["after"] = phase(service, control, args.rounds)
        service.close()
        control.close()

        stats = jfr_trace(["stats", str(out)])
        calls = re.search(r"(\d+) function calls", stats.stdout)
        print(f"attach.AttachService on {args.java}, {args.rounds} rounds per phase and JVM after {WARM_ROUNDS} warm-up"
              f" rounds; attach options: {' '.join(args.mode) or '(record default)'}")
        print(f"  {'phase':<8} {'service':>10} {'control':>10} {'service/control':>16}")
        for name, (s, c, ratios) in results.items():
            print(f"  {name:<8} {statistics.median(s):>9.4f}s {statistics.median(c):>9.4f}s"
                  f" {statistics.median(ratios):>16.3f}")
        before = statistics.median(results["before"][2])
        after = statistics.median(results["after"][2])
        low, high = quartiles(results["before"][2])
        noise = (high - low) / before
        bound = max(noise, TOLERANCE)
        back = abs(after / before - 1) <= bound
        print(f"  window recorded {calls.group(1) if calls else '?'} calls")
        print(f"  after / before: {after / before:.3f} (noise: pair ratios' IQR {noise:.1%} of their median; bound"
              f" 1 +- {bound:.1%})   {'back to plain' if back else 'NOT back to plain'}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
