/*
 * The profiler's fast clock: the CPU's time-stamp counter, read through one JNI call.
 *
 * System.nanoTime goes through the vDSO's clock_gettime, which costs about 30 ns on the machines
 * we measured; a JNI call to rdtsc costs about 15 ns. Call profiling reads the clock twice per
 * call, so this halves the clock's share of the overhead.
 *
 * `jfr-trace record` loads this library with -agentpath (no System.load, so JDK 24+ prints no
 * native-access warning); HotSpot then resolves io.jfrtrace.runtime.Clock.rdtsc from it. The Java
 * side uses it only where Linux itself chose the TSC as its clocksource (the kernel checked that
 * it is invariant and synchronized across CPUs) and converts ticks to nanoseconds with a rate
 * measured against System.nanoTime.
 *
 * With `record --timer cpu` the profiler reads the calling thread's CPU time instead
 * (io.jfrtrace.runtime.ThreadCpuClock.threadCpuNanos): clock_gettime(CLOCK_THREAD_CPUTIME_ID), which
 * the vDSO does not serve, so each read is a system call; still cheaper than the JVM's
 * ThreadMXBean.getCurrentThreadCpuTime, which reads the same clock behind more checks.
 */
#include <jni.h>
#include <time.h>

JNIEXPORT jlong JNICALL Java_io_jfrtrace_runtime_ThreadCpuClock_threadCpuNanos(JNIEnv *env, jclass cls)
{
    struct timespec ts;
    (void) env;
    (void) cls;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) {
        return -1;
    }
    return (jlong) ts.tv_sec * 1000000000LL + (jlong) ts.tv_nsec;
}

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>

JNIEXPORT jlong JNICALL Java_io_jfrtrace_runtime_Clock_rdtsc(JNIEnv *env, jclass cls)
{
    (void) env;
    (void) cls;
    return (jlong) __rdtsc();
}
#endif

/* Nothing to set up: the library is an agent only so that the JVM loads it at startup. */
JNIEXPORT jint JNICALL Agent_OnLoad(JavaVM *vm, char *options, void *reserved)
{
    (void) vm;
    (void) options;
    (void) reserved;
    return JNI_OK;
}
