#!/usr/bin/env python3
"""How every ending of a recorded program turns out, and what a kill -9 at a random moment leaves.

Run on demand (never by the tests), from the project root after `mvn package`:

  python3 benchmarks/exit_sweep.py [--what table|kills|all] [--kills 20] [--seed 1] [--kill-target record|jvm]
                                   [--jar cli/target/jfr-trace.jar]

`table`: the exit-path table. Each ending (normal, System.exit, an uncaught exception, SIGTERM to record,
Runtime.halt, OutOfMemoryError with the heap staying full, StackOverflowError, a native crash, the watchdog's
exit, record itself killed with SIGKILL) runs under `record` on JDK 17 and on JDK 25 (when installed), and the
table shows record's exit status, whether the output is a readable recording and how it came to be, the
`ncalls` of the program's `main` in `stats` (calls still running at the end count, as cProfile's disable()
counts them) and the number of fatal thread dumps.

`kills`: N times, `kill -9` at a random moment 0.5-6 s after `record` starts (seeded), of `record` itself
(default) or of the program's JVM. For each: whether the JVM was gone within 5 s, whether the output is a
readable recording, and the time lost: from the end of the recording (its last chunk header's start +
duration) to the kill, 0 when the recording ends after it; the whole JVM life when nothing is readable.

--jar runs another build (e.g. an older commit's cli/target/jfr-trace.jar) for a before/after comparison.
"""
import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JDK17 = Path(os.environ.get("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"))
JDK25 = Path("/usr/lib/jvm/temurin-25-jdk-amd64")


def compile_programs(into: Path) -> None:
    sources = [str(p) for d in (ROOT / "sample-recordings/src", ROOT / "cli/src/test/programs")
               for p in d.rglob("*.java")]
    subprocess.run(["javac", "-g", "--release", "17", "-nowarn", "-d", str(into), "-cp",
                    str(ROOT / "api/target/jfr-trace-api.jar")] + sources, check=True)


class Sweep:
    def __init__(self, jar: Path, work: Path, classes: Path):
        self.jar, self.work, self.classes = jar, work, classes

    def cli(self, jdk: Path, *args):
        return [str(jdk / "bin/java"), "-jar", str(self.jar)] + list(args)

    def start_record(self, jdk: Path, out: Path, java_args, options=()):
        cmd = self.cli(jdk, "record", "-o", str(out), *options, "--", "-cp", str(self.classes), *java_args)
        return subprocess.Popen(cmd, cwd=self.work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def stats_main(self, jdk: Path, out: Path):
        """ncalls of the first `(X.main)` row of stats, '-' when none, or the exit code in brackets."""
        r = subprocess.run(self.cli(jdk, "stats", str(out), "-r", r"\.main\)"), cwd=self.work,
                           capture_output=True, text=True)
        if r.returncode != 0:
            return f"[{r.returncode}]"
        rows = [l.split()[0] for l in r.stdout.splitlines() if l.rstrip().endswith(".main)")]
        return rows[0] if rows else "-"

    def readable(self, jdk: Path, out: Path) -> str:
        if not out.exists():
            return "no file"
        r = subprocess.run(self.cli(jdk, "dumps", str(out)), cwd=self.work, capture_output=True, text=True)
        # dumps reads every chunk: 0 (dumps found) or 4 (none) means readable; 3 means it is not
        return "readable" if r.returncode in (0, 4) else f"UNREADABLE ({os.path.getsize(out)} B)"


def how(stderr: str) -> str:
    lines = [l for l in stderr.splitlines() if l.startswith("jfr-trace:") and "started the program" not in l]
    if not lines:
        return "(record said nothing)"
    text = lines[-1]
    for key, short in (("wrote only", "crash dump only"), ("crashed", "crash dump added"), ("emergency dump", "emergency dump"),
                       ("recovered", "repository"), ("wrote ", "complete"), ("never started", "never started"),
                       ("could not write", "write failed"), ("not written", "nothing")):
        if key in text:
            return short
    return text[:60]


ENDINGS = [
    # name, java args, record options, action (None | ("signal", SIG, delay after 'ready'))
    ("normal end", ["com.example.Factorial"], [], None),
    ("System.exit(3)", ["com.example.ExitEarly"], [], None),
    ("uncaught exception", ["com.example.Uncaught"], [], None),
    ("SIGTERM to record", ["com.example.Forever"], [], ("TERM", 1.5)),
    ("SIGINT to record", ["com.example.Forever"], [], ("INT", 1.5)),
    ("record killed (SIGKILL)", ["com.example.Forever"], [], ("KILL", 1.5)),
    ("Runtime.halt(4)", ["com.example.Halt"], [], None),
    ("OOM, heap stays full", ["-Xmx64m", "com.example.fault.Oom", "static"], [], None),
    ("StackOverflowError", ["com.example.fault.Overflow"], [], None),
    ("native crash (Unsafe)", ["com.example.fault.UnsafeCrash"], [], None),
    ("watchdog exit", ["com.example.Deadlock"], ["--watchdog", "2s", "--watchdog-exit"], None),
]


def table(s: Sweep, jdks):
    print(f"{'ending':26} {'JDK':>3} {'exit':>4}  {'output':9} {'how':16} {'main':>5} {'fatal':>5}")
    for name, java_args, options, action in ENDINGS:
        for label, jdk in jdks:
            out = s.work / f"end-{label}-{re.sub(r'[^a-z]', '', name.lower())}.jfr"
            p = s.start_record(jdk, out, java_args, options)
            orphan = ""
            if action:
                sig, delay = action
                wait_for_ready(p)
                time.sleep(delay)
                jvms = children(p.pid)
                os.kill(p.pid, getattr(signal, "SIG" + sig))
                if sig == "KILL":  # the JVM should end by itself; one still running after 5 s is an orphan
                    time.sleep(5)
                    for jvm in jvms:
                        if alive(jvm):
                            orphan = " ORPHAN"
                            os.kill(jvm, signal.SIGKILL)
            try:
                _, err = p.communicate(timeout=180)
            except subprocess.TimeoutExpired:
                p.kill()
                _, err = p.communicate()
            print(f"{name:26} {label:>3} {p.returncode:>4}  {s.readable(jdk, out):9} {(how(err or '') + orphan):16} "
                  f"{s.stats_main(jdk, out) if out.exists() else '-':>5} {count_fatal(s, jdk, out):>5}", flush=True)


def count_fatal(s: Sweep, jdk: Path, out: Path) -> int:
    """How many fatal thread dumps the output holds (each starts with `Fatal JVM error: DETAIL`)."""
    if not out.exists():
        return 0
    r = subprocess.run(s.cli(jdk, "dumps", "--reason", "fatal", str(out)), cwd=s.work, capture_output=True, text=True)
    return len(re.findall(r"^Fatal JVM error", r.stdout, re.M)) if r.returncode == 0 else 0


def wait_for_ready(p, timeout=60):
    """The sample prints 'ready' once main runs; stdout is a pipe read line by line."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = p.stdout.readline()
        if "ready" in line:
            return
    raise RuntimeError("the program never printed 'ready'")


def children(pid: int):
    """The child processes of pid (each thread lists those it started; Java's main thread is not the first)."""
    kids = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return kids


def started_at(pid: int) -> float:
    """A process's start, in seconds since the epoch (from /proc: clock ticks after boot)."""
    ticks = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
    boot = next(float(l.split()[1]) for l in Path("/proc/stat").read_text().splitlines() if l.startswith("btime"))
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def recording_end(out: Path):
    """When the recording's last chunk ends, in seconds since the epoch, from the chunk headers
    (big-endian: magic, version, size at 8, start nanos at 32, duration nanos at 40); None if unknown."""
    data = out.read_bytes()
    offset, end = 0, None
    while offset + 64 <= len(data) and data[offset:offset + 4] == b"FLR\0":
        size = int.from_bytes(data[offset + 8:offset + 16], "big")
        start = int.from_bytes(data[offset + 32:offset + 40], "big")
        length = int.from_bytes(data[offset + 40:offset + 48], "big")
        if size <= 0:
            break
        if length > 0:
            end = (start + length) / 1e9
        offset += size
    return end


def kills(s: Sweep, jdk: Path, n: int, seed: int, target: str):
    rng = random.Random(seed)
    print(f"kill -9 of {target}, {n} times at random moments 0.5-6 s after record starts (seed {seed}), JDK {jdk.name}")
    print(f"{'#':>2} {'at s':>5} {'jvm gone':>8} {'output':22} {'jvm life s':>10} {'recorded s':>10} {'lost s':>6}")
    print("   (recorded: from the JVM's start to the recording's end; lost: from there to the kill, 0 if it ends later)")
    summary = {"gone": 0, "readable": 0, "lost": []}
    for i in range(n):
        at = rng.uniform(0.5, 6.0)
        out = s.work / f"kill-{i}.jfr"
        t0 = time.time()
        p = s.start_record(jdk, out, ["com.example.Forever"])
        jvm = None
        jvm_start = None
        while time.time() - t0 < at:
            if jvm is None:
                kids = children(p.pid)
                if kids:
                    jvm = kids[0]
                    jvm_start = started_at(jvm)
            time.sleep(0.01)
        if jvm is None:
            kids = children(p.pid)
            jvm = kids[0] if kids else None
            jvm_start = started_at(jvm) if jvm else None
        victim = p.pid if target == "record" or jvm is None else jvm
        os.kill(victim, signal.SIGKILL)
        killed = time.time()
        p.wait()
        gone = jvm is None
        while jvm and time.time() - killed < 5:
            if not alive(jvm):
                gone = True
                break
            time.sleep(0.05)
        if jvm and not gone:
            os.kill(jvm, signal.SIGKILL)
        time.sleep(0.5)
        state = s.readable(jdk, out) if out.exists() else "no file"
        if out.exists() and os.path.getsize(out) == 0:
            state = "EMPTY FILE"
        life = killed - jvm_start if jvm_start else 0.0
        end = recording_end(out) if state == "readable" else None
        rec = end - jvm_start if end is not None and jvm_start else None
        lost = max(0.0, killed - end) if end is not None else (life if jvm_start else None)
        summary["gone"] += gone
        summary["readable"] += state == "readable"
        if lost is not None:
            summary["lost"].append(lost)
        print(f"{i:>2} {at:5.2f} {('yes' if gone else 'NO'):>8} {state:22} {life:10.2f} "
              f"{(f'{rec:.2f}' if rec is not None else '-'):>10} {(f'{lost:.2f}' if lost is not None else '-'):>6}", flush=True)
    lost = sorted(summary["lost"])
    print(f"JVM gone within 5 s: {summary['gone']}/{n}; readable outputs: {summary['readable']}/{n}; "
          f"time lost: median {lost[len(lost) // 2]:.2f} s, max {lost[-1]:.2f} s" if lost else
          f"JVM gone within 5 s: {summary['gone']}/{n}; readable outputs: {summary['readable']}/{n}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--what", choices=["table", "kills", "all"], default="all")
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kill-target", choices=["record", "jvm"], default="record")
    ap.add_argument("--jar", type=Path, default=ROOT / "cli/target/jfr-trace.jar")
    a = ap.parse_args()
    jdks = [("17", JDK17)] + ([("25", JDK25)] if (JDK25 / "bin/java").exists() else [])
    with tempfile.TemporaryDirectory(prefix="jfr-trace-exit-sweep") as tmp:
        work = Path(tmp)
        classes = work / "classes"
        compile_programs(classes)
        s = Sweep(a.jar.resolve(), work, classes)
        if a.what in ("table", "all"):
            table(s, jdks)
        if a.what in ("kills", "all"):
            kills(s, JDK17, a.kills, a.seed, a.kill_target)


if __name__ == "__main__":
    sys.exit(main())
