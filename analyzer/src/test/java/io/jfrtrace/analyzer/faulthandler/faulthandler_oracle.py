"""Golden data for DumpPrinterGoldenTest: real faulthandler output plus the truth it was made from.

For each scenario prints
    == NAME
    timeout MICROS            (only for dump_traceback_later)
    output HEX                (faulthandler's bytes, hex)
    thread IDENT              (every thread, from sys._current_frames() taken on the dumping line)
    frame HEXFILE LINE HEXNAME   (most recent first; strings as UTF-8 hex)
"""
import faulthandler
import sys
import tempfile
import threading
import time
import types

PY311 = sys.version_info[:2]


def hexs(s):
    return s.encode("utf-8", "surrogatepass").hex()


def snap():
    """Every thread's frames as (file, line, name), read now: a frame's f_lineno moves on with the frame."""
    me = threading.get_ident()
    out = {}
    for ident, f in sys._current_frames().items():
        if ident == me:
            f = f.f_back  # not snap() itself
        rows = []
        while f is not None:
            rows.append((f.f_code.co_filename, f.f_lineno, f.f_code.co_name))
            f = f.f_back
        out[ident] = rows
    return out


def emit(name, output, frames, timeout=None):
    print("== " + name)
    if timeout is not None:
        print("timeout %d" % timeout)
    print("output " + output.hex())
    for ident, rows in frames.items():
        print("thread %d" % ident)
        for file, line, fn in rows:
            print("frame %s %d %s" % (hexs(file), line, hexs(fn)))


def capture(fn):
    with tempfile.TemporaryFile() as out:
        frames = fn(out)
        out.seek(0)
        return out.read(), frames


def renamed(fn, name, filename):
    """fn with an arbitrary code name and file name (any string, not only identifiers)."""
    return types.FunctionType(fn.__code__.replace(co_name=name, co_filename=filename), fn.__globals__, name)


# --- names: escaping and truncation of function and file names ---------------------------------------------------
NAMES = ["\u00e9", "\u65e5\u672c", "\U0001F600", "tab\there", "del\x7f", 'q"uote', "back\\slash",
         "x" * 499, "y" * 500, "z" * 501, "w" * 600, "nul\x00", "c1\x80\x9f", "\xff\u0100", "\uffff\U00010000",
         "\U0010ffff", "space inside", "~!@#$%^&*()_+{}|:<>?`-=[];',./"]
FILES = ["/tmp/\u00e9t\u00e9.py", "/tmp/" + "f" * 600 + ".py", "rel\\win\"q.py", "\U0001F600.py", "tab\t.py"]


def leaf(out):
    fr = snap(); faulthandler.dump_traceback(out, all_threads=True)  # same line on purpose
    return fr


def chain(out, i=0):
    if i == len(NAMES):
        return leaf(out)
    fn = renamed(lambda out, i: chain(out, i), NAMES[i], FILES[i % len(FILES)])
    return fn(out, i + 1)


# --- deep: 100 frames exactly, and more than 100 ------------------------------------------------------------------
def depth_here():
    f, n = sys._getframe(1), 0
    while f is not None:
        n, f = n + 1, f.f_back
    return n


def recurse(out, remaining):
    if remaining <= 0:
        return leaf(out)
    return recurse(out, remaining - 1)


def deep(total):
    def run(out):
        # recurse(out, k) adds k + 1 frames, leaf adds one: total = depth_here() + k + 2
        return recurse(out, total - depth_here() - 2)
    return run


# --- threads: more than 100 blocked threads -----------------------------------------------------------------------
def many_threads(count):
    def run(out):
        stop = threading.Event()
        ready = threading.Barrier(count + 1)

        def worker():
            ready.wait()
            stop.wait()
        ts = [threading.Thread(target=worker) for _ in range(count)]
        for t in ts:
            t.start()
        ready.wait()
        time.sleep(0.2)
        try:
            return leaf(out)
        finally:
            stop.set()
            for t in ts:
                t.join()
    return run


def later(seconds):
    def run(out):
        stop = threading.Event()
        t = threading.Thread(target=stop.wait)
        t.start()
        time.sleep(0.1)
        faulthandler.dump_traceback_later(seconds, file=out)
        fr = snap(); time.sleep(seconds + 0.6)  # same line on purpose
        faulthandler.cancel_dump_traceback_later()
        stop.set()
        t.join()
        return fr
    return run


def main():
    out, fr = capture(lambda o: chain(o))
    emit("names", out, fr)
    for total in (99, 100, 101, 150):
        out, fr = capture(deep(total))
        emit("deep%d" % total, out, fr)
    for count in (2, 99, 100, 130):
        out, fr = capture(many_threads(count))
        emit("threads%d" % count, out, fr)
    for seconds in (0.5, 1):
        out, fr = capture(later(seconds))
        emit("later%s" % seconds, out, fr, timeout=round(seconds * 1_000_000))


main()
