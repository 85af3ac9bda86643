# Test oracle for io.jfrtrace.analyzer.tracemalloc: CPython's real tracemalloc / fnmatch on data written by the
# Java tests. Usage:
#   tracemalloc_oracle.py report NEW.csv OLD.csv PLAN.json
#   tracemalloc_oracle.py fnmatch CASES.json
import csv
import fnmatch
import json
import linecache
import os
import sys
import tracemalloc


def load(path, limit):
    """Rebuild a real Snapshot: a row with count c becomes c raw traces whose sizes add up to the row's size."""
    traces = []
    with open(path, newline='', encoding='utf-8') as f:
        rows = csv.reader(f)
        header = next(rows)
        assert header == ['domain', 'size', 'count', 'total_nframe', 'frames'], header
        for domain, size, count, total_nframe, frames in rows:
            domain, size, count = int(domain), int(size), int(count)
            parsed = []
            for text in frames.split(';'):
                name, _, line = text.rpartition(':')
                parsed.append((name, int(line)))
            parsed.reverse()  # raw traces are most recent first
            parsed = tuple(parsed)
            total_nframe = int(total_nframe) if total_nframe else None
            q, r = divmod(size, count)
            for i in range(count):
                traces.append((domain, q + (1 if i < r else 0), parsed, total_nframe))
    return tracemalloc.Snapshot(traces, limit)


# From the Python documentation of tracemalloc, "Pretty top" example (verbatim).
def display_top(snapshot, key_type='lineno', limit=10):
    snapshot = snapshot.filter_traces((
        tracemalloc.Filter(False, "<frozen importlib._bootstrap>"),
        tracemalloc.Filter(False, "<unknown>"),
    ))
    top_stats = snapshot.statistics(key_type)

    print("Top %s lines" % limit)
    for index, stat in enumerate(top_stats[:limit], 1):
        frame = stat.traceback[0]
        # replace "/path/to/module/file.py" with "module/file.py"
        filename = os.sep.join(frame.filename.split(os.sep)[-2:])
        print("#%s: %s:%s: %.1f KiB"
              % (index, filename, frame.lineno, stat.size / 1024))
        line = linecache.getline(frame.filename, frame.lineno).strip()
        if line:
            print('    %s' % line)

    other = top_stats[limit:]
    if other:
        size = sum(stat.size for stat in other)
        print("%s other: %.1f KiB" % (len(other), size / 1024))
    total = sum(stat.size for stat in top_stats)
    print("Total allocated size: %.1f KiB" % (total / 1024))


def make_filter(spec):
    if spec['type'] == 'domain':
        return tracemalloc.DomainFilter(spec['inclusive'], spec['domain'])
    return tracemalloc.Filter(spec['inclusive'], spec['pattern'], lineno=spec.get('lineno'),
                              all_frames=spec.get('all_frames', False), domain=spec.get('domain'))


def section(title):
    print('== ' + title)


def report(new_path, old_path, plan_path):
    with open(plan_path, encoding='utf-8') as f:
        plan = json.load(f)
    new = load(new_path, 25)
    old = load(old_path, 25)
    keys = ['lineno', 'filename', 'traceback']
    for key in keys:
        section('statistics ' + key)
        for stat in new.statistics(key):
            print(stat)
    for key in ['lineno', 'filename']:
        section('statistics cumulative ' + key)
        for stat in new.statistics(key, cumulative=True):
            print(stat)
    for key in keys:
        section('compare_to ' + key)
        for stat in new.compare_to(old, key):
            print(stat)
    for key in ['lineno', 'filename']:
        section('compare_to cumulative ' + key)
        for stat in new.compare_to(old, key, cumulative=True):
            print(stat)
    for index, filters in enumerate(plan['filters']):
        filtered = new.filter_traces([make_filter(s) for s in filters])
        for key in keys:
            section('filter %d %s' % (index, key))
            for stat in filtered.statistics(key):
                print(stat)
    for i, stat in enumerate(new.statistics('traceback')):
        for limit in plan['format_limits']:
            for most_recent_first in (False, True):
                section('format %d %s %s' % (i, limit, most_recent_first))
                for line in stat.traceback.format(limit=limit, most_recent_first=most_recent_first):
                    print(line)
    for key in ['lineno', 'filename']:
        for limit in plan['top_limits']:
            section('display_top %s %d' % (key, limit))
            display_top(new, key, limit)


def fnmatch_matrix(cases_path):
    with open(cases_path, encoding='utf-8') as f:
        cases = json.load(f)
    for pattern in cases['patterns']:
        print(''.join('1' if fnmatch.fnmatchcase(name, pattern) else '0' for name in cases['names']))


if __name__ == '__main__':
    sys.stdout.reconfigure(encoding='utf-8', newline='\n')
    if sys.argv[1] == 'report':
        report(*sys.argv[2:5])
    elif sys.argv[1] == 'fnmatch':
        fnmatch_matrix(sys.argv[2])
    else:
        raise SystemExit('unknown mode ' + sys.argv[1])
