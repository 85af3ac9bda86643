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
 */
#include <jni.h>

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
