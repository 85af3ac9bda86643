package io.jfrtrace.recorder;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.jfrtrace.runtime.FunctionRegistry;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Ids for calls into uninstrumented code, one per (owner, name, static?), cProfile-style labels. */
final class BuiltinRegistry {
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    /** name + descriptor -> selector (1, 2, ...) of calls that dispatch on their receiver. */
    private final ConcurrentHashMap<String, Integer> selectors = new ConcurrentHashMap<>();
    private final AtomicInteger lastSelector = new AtomicInteger();

    int id(String owner, String name, boolean isStatic) {
        String k = (isStatic ? "S" : "I") + owner + '.' + name;
        Integer id = ids.get(k);
        if (id != null) {
            return id;
        }
        return ids.computeIfAbsent(k, x -> FunctionRegistry.register("~", 0, label(owner, name, isStatic)));
    }

    /**
     * The key a built-in call's frame carries (see ThreadProfile.pushBuiltin): the built-in's id and,
     * for invokevirtual and invokeinterface, whose target depends on the receiver, the selector of
     * name + descriptor in the upper half, so that a method the call lands in directly can tell
     * (DispatchTargets). Static and special calls have one target: the key is the id alone.
     */
    long callKey(String owner, String name, String desc, int opcode) {
        int id = id(owner, name, opcode == Opcodes.INVOKESTATIC);
        if (opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKEINTERFACE) {
            return id;
        }
        int selector = selectors.computeIfAbsent(name + desc, k -> lastSelector.incrementAndGet());
        return ((long) selector << 32) | id;
    }

    static String label(String owner, String name, boolean isStatic) {
        String dotted = Type.getObjectType(owner).getClassName();
        if (isStatic) {
            return "<built-in method " + dotted + "." + name + ">";
        }
        return "<method '" + name + "' of '" + dotted + "' objects>";
    }
}
