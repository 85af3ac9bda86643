# cProfile's disable() while calls are still open (flush_unmatched), the oracle of
# OpenCallsTest. Prints the scenario's call/return events (recorded with sys.setprofile in a
# first run), then cProfile's entries after a second run under a scripted clock: one tick per
# event, and frozen from the moment the scenario ends, so that every open call closes at the
# same time (the recorder closes a thread's open calls at one instant).
import cProfile
import functools
import sys

t = 0
frozen = False


def clock():
    global t
    v = t
    if not frozen:
        t += 1
    return v


STOP = None  # a C callable (no Python event of its own) that ends the run


def leaf(n):
    return n


def fact(n):
    if n <= 1:
        return leaf(1)
    return n * fact(n - 1)


def is_even(n):
    if n == 0:
        return end() if ending else True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return end() if ending else False
    return is_even(n - 1)


def end():
    global frozen
    frozen = True
    STOP()


ending = False


def deep(n):
    # recursion still open at the end, with a mutual recursion on top of it
    if n == 0:
        global ending
        ending = True
        return is_even(3)
    leaf(n)
    return deep(n - 1)


def main():
    for i in range(4):
        fact(i)
    is_even(4)
    deep(3)


events = []


def trace(frame, event, arg):
    if event in ("call", "return"):
        events.append(event + " " + frame.f_code.co_name)


STOP = functools.partial(sys.setprofile, None)
sys.setprofile(trace)
main()
for e in events:
    print(e)

ending = False
frozen = False
prof = cProfile.Profile(clock, 1.0, subcalls=True, builtins=False)
STOP = prof.disable
prof.enable()
main()
print("end", t)
for entry in prof.getstats():
    name = entry.code.co_name
    print("fn", name, entry.callcount, entry.reccallcount, int(entry.inlinetime), int(entry.totaltime))
    for sub in entry.calls or ():
        print("edge", name, sub.code.co_name, sub.callcount, sub.reccallcount, int(sub.inlinetime), int(sub.totaltime))
