package io.jfrtrace.recorder;

import java.util.concurrent.ConcurrentHashMap;

import io.jfrtrace.runtime.FunctionRegistry;
import org.objectweb.asm.Type;

/** Ids for calls into uninstrumented code, one per (owner, name, static?), cProfile-style labels. */
final class BuiltinRegistry {
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();

    int id(String owner, String name, boolean isStatic) {
        String k = (isStatic ? "S" : "I") + owner + '.' + name;
        Integer id = ids.get(k);
        if (id != null) {
            return id;
        }
        return ids.computeIfAbsent(k, x -> FunctionRegistry.register("~", 0, label(owner, name, isStatic)));
    }

    static String label(String owner, String name, boolean isStatic) {
        String dotted = Type.getObjectType(owner).getClassName();
        if (isStatic) {
            return "<built-in method " + dotted + "." + name + ">";
        }
        return "<method '" + name + "' of '" + dotted + "' objects>";
    }
}
