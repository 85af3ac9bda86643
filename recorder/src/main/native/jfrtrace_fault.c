/*
 * jfr-trace's optional native crash handler (a JVMTI agent): faulthandler's fatal-signal dump for the JVM.
 *
 * Loaded by `jfr-trace record` as -agentpath:libjfrtrace_fault.so=<crash file> with
 * LD_PRELOAD=$JAVA_HOME/lib/libjsig.so. With libjsig, HotSpot keeps its own SIGSEGV/SIGBUS/SIGILL/SIGFPE
 * handlers and calls ours only for signals it does not handle itself (implicit null checks, stack banging
 * and safepoint polls never reach us): real crashes. Without libjsig the agent installs nothing.
 *
 * In the handler (async-signal-safe work only): claim the crash once, write the signal and the crashing
 * thread's frames as raw jmethodID/bci pairs from AsyncGetCallTrace to the pre-opened crash file, wake the
 * watchdog thread (a JVMTI agent thread, ended at VMDeath) through a pipe and wait at most WAIT_MS for it to
 * resolve the names and take the other threads' stacks, then restore the previous handler and return: the faulting
 * instruction runs again and HotSpot writes hs_err and the JFR emergency dump as usual.
 *
 * The crash file (text, one record a line, fields separated by tabs; docs/architecture.md):
 *   jfrtrace-fault 1
 *   signal <number> <SIGNAME>
 *   pid <pid> / tid <os thread id>
 *   raw <count>, then raw <jmethodID hex> <bci>        (AsyncGetCallTrace of the crashing thread)
 *   crashing <count>, then frame lines                  (resolved by the watchdog)
 *   thread <java id> <STATE> <name>, then frame lines   (every other thread, GetAllStackTraces)
 *   frame <class signature> <source file or -> <line or -1> <method name>
 *   end
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <jvmti.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define MAX_FRAMES 256
#define WAIT_MS 2000
#define RETIRE_WAIT_MS 200
#define WATCHDOG_NAME "jfr-trace fault watchdog"

typedef struct {
    jint lineno; /* bci, or negative for native / unknown */
    jmethodID method_id;
} ASGCT_CallFrame;

typedef struct {
    JNIEnv *env_id;
    jint num_frames;
    ASGCT_CallFrame *frames;
} ASGCT_CallTrace;

typedef void (*AGCT_fn)(ASGCT_CallTrace *, jint, void *);

static const int SIGNALS[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
#define NSIG_HANDLED (int) (sizeof(SIGNALS) / sizeof(SIGNALS[0]))

static JavaVM *jvm;
static jvmtiEnv *jvmti;
static AGCT_fn agct;
static int crash_fd = -1;
static int req_pipe[2] = {-1, -1};  /* handler -> watchdog */
static int resp_pipe[2] = {-1, -1}; /* watchdog -> handler */
static struct sigaction previous[NSIG_HANDLED];
static volatile int armed[NSIG_HANDLED];
static volatile int crashed;        /* set once by the first crashing thread */
static volatile int watchdog_ready;
static volatile int retiring;       /* set once when the VM exits: the watchdog ends */

static ASGCT_CallFrame crash_frames[MAX_FRAMES];
static volatile jint crash_frame_count;

/* ---------- async-signal-safe output ---------- */

static void put(const char *s) {
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(crash_fd, s, n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return;
        }
        s += w;
        n -= (size_t) w;
    }
}

static void put_long(long long v) {
    char buf[32];
    int i = sizeof(buf) - 1;
    int neg = v < 0;
    unsigned long long u = neg ? (unsigned long long) (-(v + 1)) + 1 : (unsigned long long) v;
    buf[i] = 0;
    do {
        buf[--i] = (char) ('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (neg) {
        buf[--i] = '-';
    }
    put(buf + i);
}

static void put_hex(unsigned long long u) {
    char buf[32];
    int i = sizeof(buf) - 1;
    buf[i] = 0;
    do {
        buf[--i] = "0123456789abcdef"[u & 15];
        u >>= 4;
    } while (u > 0);
    buf[--i] = 'x';
    buf[--i] = '0';
    put(buf + i);
}

static const char *signal_name(int sig) {
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGILL: return "SIGILL";
    case SIGFPE: return "SIGFPE";
    case SIGABRT: return "SIGABRT";
    default: return "SIG?";
    }
}

static int index_of(int sig) {
    for (int i = 0; i < NSIG_HANDLED; i++) {
        if (SIGNALS[i] == sig) {
            return i;
        }
    }
    return -1;
}

static void disarm(int sig) {
    int i = index_of(sig);
    if (i >= 0 && armed[i]) {
        armed[i] = 0;
        sigaction(sig, &previous[i], NULL);
    }
}

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits at most ms for the watchdog's answer on resp_pipe (async-signal-safe); whether it came. */
static int await_watchdog(long long ms) {
    long long deadline = now_ms() + ms;
    for (;;) {
        long long left = deadline - now_ms();
        if (left <= 0) {
            return 0;
        }
        struct pollfd p = {resp_pipe[0], POLLIN, 0};
        int r = poll(&p, 1, (int) left);
        if (r > 0) {
            return 1;
        }
        if (r < 0 && errno != EINTR) {
            return 0;
        }
    }
}

static void handler(int sig, siginfo_t *info, void *ucontext) {
    int saved_errno = errno;
    if (!__sync_bool_compare_and_swap(&crashed, 0, 1)) {
        /* a second fatal signal (HotSpot's own abort() after hs_err, or another thread): step aside */
        disarm(sig);
        errno = saved_errno;
        return;
    }
    put("signal\t");
    put_long(sig);
    put("\t");
    put(signal_name(sig));
    put("\npid\t");
    put_long(getpid());
    put("\ntid\t");
    put_long((long long) syscall(SYS_gettid));
    put("\n");

    jint count = 0;
    JNIEnv *env = NULL;
    if (agct != NULL && jvm != NULL && (*jvm)->GetEnv(jvm, (void **) &env, JNI_VERSION_1_6) == JNI_OK && env != NULL) {
        ASGCT_CallTrace trace;
        trace.env_id = env;
        trace.num_frames = 0;
        trace.frames = crash_frames;
        agct(&trace, MAX_FRAMES, ucontext);
        count = trace.num_frames;
    }
    put("raw\t");
    put_long(count);
    put("\n");
    for (jint i = 0; i < count; i++) {
        put("raw\t");
        put_hex((unsigned long long) (uintptr_t) crash_frames[i].method_id);
        put("\t");
        put_long(crash_frames[i].lineno);
        put("\n");
    }
    crash_frame_count = count > 0 ? count : 0;

    if (watchdog_ready) {
        char c = 'c';
        if (write(req_pipe[1], &c, 1) == 1 && !await_watchdog(WAIT_MS)) {
            put("timeout\n");
        }
    }
    disarm(sig);
    if (info != NULL && info->si_code <= 0) {
        raise(sig); /* sent by kill(): returning would not fault again */
    }
    errno = saved_errno;
}

/* ---------- the watchdog (an attached JVMTI agent thread; ordinary code) ---------- */

static void wputs(const char *s) {
    put(s);
}

static void write_frame(jmethodID m, jint bci) {
    char *name = NULL;
    char *csig = NULL;
    char *src = NULL;
    jclass cls = NULL;
    jint line = -1;
    if ((*jvmti)->GetMethodName(jvmti, m, &name, NULL, NULL) != JVMTI_ERROR_NONE) {
        name = NULL;
    }
    if ((*jvmti)->GetMethodDeclaringClass(jvmti, m, &cls) == JVMTI_ERROR_NONE) {
        if ((*jvmti)->GetClassSignature(jvmti, cls, &csig, NULL) != JVMTI_ERROR_NONE) {
            csig = NULL;
        }
        if ((*jvmti)->GetSourceFileName(jvmti, cls, &src) != JVMTI_ERROR_NONE) {
            src = NULL;
        }
    }
    if (bci >= 0) {
        jint n = 0;
        jvmtiLineNumberEntry *table = NULL;
        if ((*jvmti)->GetLineNumberTable(jvmti, m, &n, &table) == JVMTI_ERROR_NONE) {
            jlocation best = -1;
            for (jint i = 0; i < n; i++) {
                if (table[i].start_location <= bci && table[i].start_location > best) {
                    best = table[i].start_location;
                    line = table[i].line_number;
                }
            }
            (*jvmti)->Deallocate(jvmti, (unsigned char *) table);
        }
    }
    /* one write per line: the handler may write its "timeout" line meanwhile */
    char buf[1024];
    snprintf(buf, sizeof buf, "frame\t%s\t%s\t%d\t%s\n", csig != NULL ? csig : "?", src != NULL ? src : "-", (int) line,
             name != NULL ? name : "???");
    wputs(buf);
    if (name != NULL) {
        (*jvmti)->Deallocate(jvmti, (unsigned char *) name);
    }
    if (csig != NULL) {
        (*jvmti)->Deallocate(jvmti, (unsigned char *) csig);
    }
    if (src != NULL) {
        (*jvmti)->Deallocate(jvmti, (unsigned char *) src);
    }
}

static const char *state_name(jint st) {
    switch (st & JVMTI_JAVA_LANG_THREAD_STATE_MASK) {
    case JVMTI_JAVA_LANG_THREAD_STATE_NEW: return "NEW";
    case JVMTI_JAVA_LANG_THREAD_STATE_TERMINATED: return "TERMINATED";
    case JVMTI_JAVA_LANG_THREAD_STATE_RUNNABLE: return "RUNNABLE";
    case JVMTI_JAVA_LANG_THREAD_STATE_BLOCKED: return "BLOCKED";
    case JVMTI_JAVA_LANG_THREAD_STATE_WAITING: return "WAITING";
    case JVMTI_JAVA_LANG_THREAD_STATE_TIMED_WAITING: return "TIMED_WAITING";
    default: return "RUNNABLE";
    }
}

static void write_all_threads(JNIEnv *jni) {
    jvmtiStackInfo *infos = NULL;
    jint count = 0;
    if ((*jvmti)->GetAllStackTraces(jvmti, MAX_FRAMES, &infos, &count) != JVMTI_ERROR_NONE) {
        wputs("threads\tfailed\n");
        return;
    }
    jclass threadClass = (*jni)->FindClass(jni, "java/lang/Thread");
    jfieldID tid = threadClass == NULL ? NULL : (*jni)->GetFieldID(jni, threadClass, "tid", "J");
    if ((*jni)->ExceptionCheck(jni)) {
        (*jni)->ExceptionClear(jni);
        tid = NULL;
    }
    for (jint i = 0; i < count; i++) {
        jvmtiThreadInfo ti;
        memset(&ti, 0, sizeof ti);
        if ((*jvmti)->GetThreadInfo(jvmti, infos[i].thread, &ti) != JVMTI_ERROR_NONE) {
            continue;
        }
        if (ti.name != NULL && strcmp(ti.name, WATCHDOG_NAME) == 0) {
            (*jvmti)->Deallocate(jvmti, (unsigned char *) ti.name);
            continue;
        }
        long long id = tid == NULL ? -1 : (long long) (*jni)->GetLongField(jni, infos[i].thread, tid);
        /* names are free text: keep them on one line */
        if (ti.name != NULL) {
            for (char *p = ti.name; *p; p++) {
                if (*p == '\n' || *p == '\t' || *p == '\r') {
                    *p = ' ';
                }
            }
        }
        char buf[1024];
        snprintf(buf, sizeof buf, "thread\t%lld\t%s\t%s\n", id, state_name(infos[i].state), ti.name != NULL ? ti.name : "");
        wputs(buf);
        for (jint f = 0; f < infos[i].frame_count; f++) {
            write_frame(infos[i].frame_buffer[f].method, (jint) infos[i].frame_buffer[f].location);
        }
        if (ti.name != NULL) {
            (*jvmti)->Deallocate(jvmti, (unsigned char *) ti.name);
        }
    }
    (*jvmti)->Deallocate(jvmti, (unsigned char *) infos);
}

static void JNICALL watchdog(jvmtiEnv *env, JNIEnv *jni, void *arg) {
    (void) env;
    (void) arg;
    char c;
    for (;;) {
        ssize_t r = read(req_pipe[0], &c, 1);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            return;
        }
        if (!crashed) {
            if (retiring) {
                break; /* the VM is exiting (on_vm_death) */
            }
            continue;
        }
        jint n = crash_frame_count;
        char buf[32];
        snprintf(buf, sizeof buf, "crashing\t%d\n", (int) n);
        wputs(buf);
        for (jint i = 0; i < n; i++) {
            write_frame(crash_frames[i].method_id, crash_frames[i].lineno);
        }
        write_all_threads(jni);
        wputs("end\n");
        break;
    }
    char done = 'd';
    if (write(resp_pipe[1], &done, 1) < 0) {
        /* the handler (or on_vm_death) stops waiting after its deadline anyway */
    }
}

/* ---------- set-up ---------- */

/* AsyncGetCallTrace reports only methods that already have a jmethodID: make them as classes load. */
static void make_method_ids(jvmtiEnv *env, jclass klass) {
    jint n = 0;
    jmethodID *methods = NULL;
    if ((*env)->GetClassMethods(env, klass, &n, &methods) == JVMTI_ERROR_NONE) {
        (*env)->Deallocate(env, (unsigned char *) methods);
    }
}

static void JNICALL on_class_prepare(jvmtiEnv *env, JNIEnv *jni, jthread thread, jclass klass) {
    (void) jni;
    (void) thread;
    make_method_ids(env, klass);
}

/* AsyncGetCallTrace refuses to walk (ticks_no_class_load) unless someone listens to ClassLoad. */
static void JNICALL on_class_load(jvmtiEnv *env, JNIEnv *jni, jthread thread, jclass klass) {
    (void) env;
    (void) jni;
    (void) thread;
    (void) klass;
}

/* Listening to CompiledMethodLoad makes the compilers record debug info at every pc (as DebugNonSafepoints
 * does): without it AsyncGetCallTrace names the nearest safepoint's scope, often an inlined neighbour. */
static void JNICALL on_compiled_method_load(jvmtiEnv *env, jmethodID method, jint code_size, const void *code_addr,
                                            jint map_length, const jvmtiAddrLocationMap *map, const void *compile_info) {
    (void) env;
    (void) method;
    (void) code_size;
    (void) code_addr;
    (void) map_length;
    (void) map;
    (void) compile_info;
}

static void JNICALL on_vm_init(jvmtiEnv *env, JNIEnv *jni, jthread thread) {
    (void) thread;
    jint n = 0;
    jclass *classes = NULL;
    if ((*env)->GetLoadedClasses(env, &n, &classes) == JVMTI_ERROR_NONE) {
        for (jint i = 0; i < n; i++) {
            make_method_ids(env, classes[i]);
        }
        (*env)->Deallocate(env, (unsigned char *) classes);
    }
    jclass threadClass = (*jni)->FindClass(jni, "java/lang/Thread");
    jmethodID init = threadClass == NULL ? NULL : (*jni)->GetMethodID(jni, threadClass, "<init>", "(Ljava/lang/String;)V");
    jstring name = (*jni)->NewStringUTF(jni, WATCHDOG_NAME);
    jobject t = init == NULL || name == NULL ? NULL : (*jni)->NewObject(jni, threadClass, init, name);
    if ((*jni)->ExceptionCheck(jni)) {
        (*jni)->ExceptionClear(jni);
        t = NULL;
    }
    if (t != NULL && pipe(req_pipe) == 0 && pipe(resp_pipe) == 0) {
        fcntl(req_pipe[1], F_SETFD, FD_CLOEXEC);
        fcntl(req_pipe[0], F_SETFD, FD_CLOEXEC);
        fcntl(resp_pipe[1], F_SETFD, FD_CLOEXEC);
        fcntl(resp_pipe[0], F_SETFD, FD_CLOEXEC);
        if ((*env)->RunAgentThread(env, t, watchdog, NULL, JVMTI_THREAD_MAX_PRIORITY) == JVMTI_ERROR_NONE) {
            watchdog_ready = 1;
        }
    }
}

/*
 * The watchdog waits in read(), "in native", and HotSpot's exit waits up to 300 ms for such threads to stop
 * (VM_Exit::wait_for_threads_in_native_to_block, after VMDeath on both System.exit and the end of main): every
 * program's run paid it. So the watchdog ends here, and a crash from now on writes its raw frames without it.
 */
static void JNICALL on_vm_death(jvmtiEnv *env, JNIEnv *jni) {
    (void) env;
    (void) jni;
    if (!watchdog_ready || crashed) {
        return;
    }
    watchdog_ready = 0;
    retiring = 1;
    char c = 'q';
    if (write(req_pipe[1], &c, 1) == 1) {
        await_watchdog(RETIRE_WAIT_MS);
    }
}

JNIEXPORT jint JNICALL Agent_OnLoad(JavaVM *vm, char *options, void *reserved) {
    (void) reserved;
    if (options == NULL || options[0] == 0) {
        fprintf(stderr, "jfrtrace_fault: no crash file given (-agentpath:libjfrtrace_fault.so=FILE)\n");
        return 0; /* never stop the program for our sake */
    }
    jvm = vm;
    crash_fd = open(options, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (crash_fd < 0) {
        return 0;
    }
    put("jfrtrace-fault\t1\n");
    /* Without libjsig our sigaction would replace HotSpot's own SIGSEGV handler: never do that. */
    if (dlsym(RTLD_DEFAULT, "JVM_begin_signal_setting") == NULL) {
        put("nolibjsig\n");
        return 0;
    }
    agct = (AGCT_fn) dlsym(RTLD_DEFAULT, "AsyncGetCallTrace");
    if ((*vm)->GetEnv(vm, (void **) &jvmti, JVMTI_VERSION_1_2) == JNI_OK && jvmti != NULL) {
        jvmtiCapabilities caps;
        memset(&caps, 0, sizeof caps);
        caps.can_get_line_numbers = 1;
        caps.can_get_source_file_name = 1;
        caps.can_generate_compiled_method_load_events = 1;
        (*jvmti)->AddCapabilities(jvmti, &caps);
        jvmtiEventCallbacks cb;
        memset(&cb, 0, sizeof cb);
        cb.VMInit = on_vm_init;
        cb.VMDeath = on_vm_death;
        cb.ClassPrepare = on_class_prepare;
        cb.ClassLoad = on_class_load;
        cb.CompiledMethodLoad = on_compiled_method_load;
        (*jvmti)->SetEventCallbacks(jvmti, &cb, sizeof cb);
        (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_VM_INIT, NULL);
        (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_VM_DEATH, NULL);
        (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_CLASS_PREPARE, NULL);
        (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_CLASS_LOAD, NULL);
        (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_COMPILED_METHOD_LOAD, NULL);
    }
    for (int i = 0; i < NSIG_HANDLED; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = handler;
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&sa.sa_mask);
        if (sigaction(SIGNALS[i], &sa, &previous[i]) == 0) {
            armed[i] = 1;
        }
    }
    put("armed\n");
    return 0;
}
