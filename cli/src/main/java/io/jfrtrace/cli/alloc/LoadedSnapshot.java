package io.jfrtrace.cli.alloc;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import io.jfrtrace.analyzer.jfr.AllocationReader;
import io.jfrtrace.analyzer.jfr.NoEventsException;
import io.jfrtrace.analyzer.jfr.SnapshotInfo;
import io.jfrtrace.analyzer.jfr.UnknownSnapshotException;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;

/** A snapshot picked out of a recording by {@link SnapshotRef}, with its metadata. */
public record LoadedSnapshot(SnapshotInfo info, Snapshot snapshot) {
    public static LoadedSnapshot load(SnapshotRef ref, AllocationReader.View view) throws IOException {
        return loadAll(List.of(ref), view).get(0);
    }

    /** Several snapshots, one pass per recording (compare FILE#1 FILE#2 reads FILE once). */
    public static List<LoadedSnapshot> loadAll(List<SnapshotRef> refs, AllocationReader.View view) throws IOException {
        LoadedSnapshot[] out = new LoadedSnapshot[refs.size()];
        for (int i = 0; i < refs.size(); i++) {
            if (out[i] != null) {
                continue;
            }
            SnapshotRef first = refs.get(i);
            List<Integer> same = new java.util.ArrayList<>();
            for (int j = i; j < refs.size(); j++) {
                if (refs.get(j).file().equals(first.file())) {
                    same.add(j);
                }
            }
            List<AllocationReader.Selected> read;
            try {
                read = AllocationReader.load(first.file(), same.stream().map(j -> refs.get(j).selector()).toList(), view);
            } catch (UnknownSnapshotException e) {
                throw withAdvice(e, first);
            } catch (NoEventsException e) {
                throw e.withAdvice("record the program with 'jfr-trace record --alloc'");
            }
            for (int k = 0; k < same.size(); k++) {
                out[same.get(k)] = new LoadedSnapshot(read.get(k).info(), read.get(k).snapshot());
            }
        }
        return Arrays.asList(out);
    }

    /** Where the user can see which snapshots there are. */
    public static UnknownSnapshotException withAdvice(UnknownSnapshotException e, SnapshotRef ref) {
        return e.withAdvice("'jfr-trace alloc " + ref.file() + " --list' shows them");
    }
}
