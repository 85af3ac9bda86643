package io.jfrtrace.runtime;

/**
 * The traceback of a deep allocation (NFRAME &gt; 1) read off a shadow stack: the raw key
 * {@code [total, site, fid, line, fid, line, ...]} written into the thread's scratch array, then
 * its id from the thread's cache.
 */
final class StackKeys {
    private StackKeys() {
    }

    /** From the light shadow stack, frames {@code outer} down to 0 outside the allocating one. */
    static int light(AllocThread t, int loc, int outer) {
        int[] k = t.key;
        int limit = AllocSettings.nframe;
        k[1] = loc;
        int pos = 2;
        int n = 1;
        for (int i = outer; i >= 0 && n < limit; i--, n++) {
            k[pos++] = t.frameId(i);
            k[pos++] = t.frameLine(i);
        }
        k[0] = Math.max(outer + 2, 1);
        return t.lookup(pos);
    }

    /**
     * From the call profiler's shadow stack, frames {@code outer} down to 0 outside the allocating one;
     * with built-ins profiled, their frames are left out (tracemalloc shows Python frames only).
     */
    static int profiled(AllocThread t, ThreadProfile p, int loc, int outer) {
        int[] k = t.key;
        int limit = AllocSettings.nframe;
        k[1] = loc;
        int pos = 2;
        int n = 1;
        int total;
        if (!AllocSettings.builtins) {
            total = Math.max(outer + 2, 1);
            for (int i = outer; i >= 0 && n < limit; i--, n++) {
                k[pos++] = p.frameId(i);
                k[pos++] = p.frameLine(i);
            }
        } else {
            total = 1;
            for (int i = outer; i >= 0; i--) {
                int fid = p.frameId(i);
                if (FunctionRegistry.isBuiltin(fid)) {
                    continue;
                }
                total++;
                if (n < limit) {
                    k[pos++] = fid;
                    k[pos++] = p.frameLine(i);
                    n++;
                }
            }
        }
        k[0] = total;
        return t.lookup(pos);
    }
}
