package io.jfrtrace.cli.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CrashSourcesTest {
    @Test
    void hsErrGivesSignalThreadJavaFramesAndTheNativeTop() {
        HsErrLog log = HsErrLog.parse(List.of(
                "#",
                "#  SIGSEGV (0xb) at pc=0x00007ff0628d2f94, pid=5534, tid=5535",
                "# Problematic frame:",
                "# C  [libcrash.so+0x1119]  Java_com_example_fault_JniCrash_crash+0x10",
                "",
                "Current thread (0x00007ff05c019fb0):  JavaThread \"main\" [_thread_in_native, id=5535, stack(0x1,0x2)]",
                "",
                "Native frames: (J=compiled Java code, j=interpreted, Vv=VM code, C=native code)",
                "C  [libcrash.so+0x1119]  Java_com_example_fault_JniCrash_crash+0x10",
                "j  com.example.fault.JniCrash.crash()V+0",
                "V  [libjvm.so+0x8282d2]  JavaCalls::call_helper(JavaValue*)+0x302",
                "",
                "Java frames: (J=compiled Java code, j=interpreted, Vv=VM code)",
                "j  com.example.fault.JniCrash.crash()V+0",
                "J 1139 c2 com.example.fault.JniCrash$Inner.callNative(Lsun/misc/Unsafe;)V java.base@17 (10 bytes) @ 0x1 [0x2+0x3]",
                "J 12% c1 com.example.fault.JniCrash.main([Ljava/lang/String;)V (26 bytes) @ 0x1",
                "v  ~StubRoutines::call_stub",
                ""));
        assertEquals("SIGSEGV", log.signal());
        assertEquals("SIGSEGV (0xb) at pc=0x00007ff0628d2f94", log.headline());
        assertEquals("main", log.threadName());
        assertEquals(List.of("com/example/fault/JniCrash.java\t-1\tJniCrash.crash",
                "com/example/fault/JniCrash.java\t-1\tJniCrash$Inner.callNative",
                "com/example/fault/JniCrash.java\t-1\tJniCrash.main"), log.javaFrames());
        assertEquals(List.of("libcrash.so\t-1\tJava_com_example_fault_JniCrash_crash"), log.nativeFrames());
    }

    @Test
    void withoutAJavaFramesSectionTheJavaFramesOfTheNativeSectionCount() {
        HsErrLog log = HsErrLog.parse(List.of(
                "#  SIGBUS (0x7) at pc=0x1, pid=1, tid=2",
                "Current thread (0x1):  JavaThread \"worker \\\"1\\\"\" [_thread_in_Java, id=2]",
                "Native frames: (J=compiled Java code, j=interpreted, Vv=VM code, C=native code)",
                "J 1380 c2 com.example.Hot.poke(Lsun/misc/Unsafe;JJ)V (26 bytes) @ 0x00007f71f8f25b51 [0x1+0x1f1]",
                "j  com.example.Hot.main([Ljava/lang/String;)V+95",
                "v  ~StubRoutines::call_stub",
                "V  [libjvm.so+0x8282d2]  JavaCalls::call_helper()+0x302",
                ""));
        assertEquals("Bus error", HsErrLog.faulthandlerName(log.signal()));
        assertEquals(List.of("com/example/Hot.java\t-1\tHot.poke", "com/example/Hot.java\t-1\tHot.main"), log.javaFrames());
        assertEquals(List.of(), log.nativeFrames());
    }

    @Test
    void signalNamesAreFaulthandlers() {
        assertEquals("Segmentation fault", HsErrLog.faulthandlerName("SIGSEGV"));
        assertEquals("Illegal instruction", HsErrLog.faulthandlerName("SIGILL"));
        assertEquals("Floating point exception", HsErrLog.faulthandlerName("SIGFPE"));
        assertEquals("Aborted", HsErrLog.faulthandlerName("SIGABRT"));
        assertNull(HsErrLog.faulthandlerName("SIGUSR1"));
    }

    @Test
    void theNativeCrashFileIsReadEvenWhenCutOrInterleaved() {
        NativeCrashFile f = NativeCrashFile.parse(List.of(
                "jfrtrace-fault\t1", "armed", "signal\t11\tSIGSEGV", "pid\t10", "tid\t11", "raw\t2", "raw\t0x7f\t-3", "raw\t0x80\t5",
                "crashing\t2",
                "frame\tLcom/example/fault/UnsafeCrash;\tUnsafeCrash.java\t10\tpoke",
                "timeout",
                "frame\tLcom/example/Foo$$Lambda.0x0000000800c01234;\t-\t-1\trun",
                "thread\t3\tRUNNABLE\tmain",
                "frame\tLcom/example/fault/UnsafeCrash;\tUnsafeCrash.java\t10\tpoke",
                "thread\t12\tWAITING\tname\twith tab",
                "frame\tLjava/lang/Object;\tObject.java\t-1\twait0",
                "frame\tLjava/lang/Obj"));
        assertEquals("SIGSEGV", f.signal());
        assertTrue(f.armed());
        assertEquals(List.of("com/example/fault/UnsafeCrash.java\t10\tUnsafeCrash.poke",
                "com/example/Foo.java\t-1\tFoo$$Lambda/0x0000000800c01234.run"), f.crashingFrames());
        assertEquals(2, f.threads().size());
        assertEquals("name\twith tab", f.threads().get(1).name());
        assertEquals("WAITING", f.threads().get(1).state());
        assertEquals(List.of("java/lang/Object.java\t-1\tObject.wait0"), f.threads().get(1).frames());
        assertNull(NativeCrashFile.parse(List.of("jfrtrace-fault\t1", "armed")), "no crash");
    }

    @Test
    void hooksAreDropped() {
        assertEquals(List.of("a/B.java\t1\tB.c"), CrashDump.withoutHooks(List.of("io/jfrtrace/runtime/Profiler.java\t-1\tProfiler.exit",
                "a/B.java\t1\tB.c")));
    }

    @Test
    void jdkFramesCalledByAHookGoWithIt() {
        assertEquals(List.of("a/B.java\t1\tB.c"), CrashDump.withoutHooks(List.of(
                "java/lang/ThreadLocal.java\t-1\tThreadLocal.get",
                "io/jfrtrace/runtime/Profiler.java\t-1\tProfiler.enter",
                "a/B.java\t1\tB.c")));
        // JDK frames the program itself called stay.
        assertEquals(List.of("java/lang/Thread.java\t-1\tThread.sleep", "a/B.java\t1\tB.c"),
                CrashDump.withoutHooks(List.of("java/lang/Thread.java\t-1\tThread.sleep", "a/B.java\t1\tB.c")));
    }
}
