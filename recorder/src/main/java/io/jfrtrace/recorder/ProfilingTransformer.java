package io.jfrtrace.recorder;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.jfrtrace.recorder.options.AgentOptions;

/** Instruments application classes; anything it cannot handle is left untouched with one warning. */
final class ProfilingTransformer implements ClassFileTransformer {
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();
    private static final ThreadLocal<Boolean> BUSY = new ThreadLocal<>();

    private final AgentOptions options;
    private final ClassInstrumenter instrumenter;
    private final Set<String> warned = Collections.newSetFromMap(new ConcurrentHashMap<>());

    /** @param attach whether classes are woven by retransformation too (jfr-trace attach), or only as they load */
    ProfilingTransformer(AgentOptions options, boolean attach) {
        this.options = options;
        this.instrumenter = new ClassInstrumenter(options.builtins, this::isInstrumentedName, new BuiltinRegistry(),
                !options.profile ? null : options.countsOnly() ? FrameHooks.COUNT
                        : options.callTree > 0 ? FrameHooks.TREE
                        : options.calibrate ? FrameHooks.CALIBRATED : FrameHooks.PROFILE,
                options.allocFrames, options.lines, !attach,
                options.trace ? new SourceFiles(options.sourcePath) : null);
    }

    /** Whether a class of this internal name would be instrumented (ignoring its loader). */
    boolean isInstrumentedName(String internalName) {
        if (internalName == null || internalName.isEmpty() || internalName.charAt(0) == '[') {
            return false;
        }
        if (internalName.startsWith("java/") || internalName.startsWith("javax/")
                || internalName.startsWith("jdk/") || internalName.startsWith("sun/")
                || internalName.startsWith("com/sun/") || internalName.startsWith("io/jfrtrace/")) {
            return false;
        }
        if (internalName.contains("$$") || internalName.contains("/0x")) {
            return false; // lambdas, hidden classes, generated proxies
        }
        return options.accepts(internalName.replace('/', '.'));
    }

    /** Runs the class-file reading and writing of {@link #transform} on the agent's own classes until {@code stop}. */
    void warmUp(BooleanSupplier stop) {
        instrumenter.warmUp(stop);
    }

    /** Whether a class defined by this loader may be instrumented. */
    static boolean isAppLoader(ClassLoader loader) {
        return loader != null && loader != PLATFORM;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!isAppLoader(loader) || !isInstrumentedName(className)) {
            return null;
        }
        if (classBeingRedefined != null && classBeingRedefined.isHidden()) {
            return null;
        }
        if (BUSY.get() != null) {
            return null;
        }
        BUSY.set(Boolean.TRUE);
        try {
            return instrumenter.instrument(classfileBuffer, loader, classBeingRedefined);
        } catch (Throwable t) {
            if (warned.add(className)) {
                String why = t.getMessage() == null ? t.getClass().getSimpleName()
                        : t.getClass().getSimpleName() + ": " + t.getMessage();
                System.err.println("jfr-trace agent: warning: class " + className.replace('/', '.')
                        + " left uninstrumented (" + why.replace('\n', ' ') + ")");
            }
            return null;
        } finally {
            BUSY.remove();
        }
    }
}
