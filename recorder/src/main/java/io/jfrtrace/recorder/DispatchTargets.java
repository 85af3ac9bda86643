package io.jfrtrace.recorder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * For {@code --builtins}: which built-in calls land directly in a method of the class being
 * instrumented, as call keys ({@link BuiltinRegistry#callKey}). A call made through an
 * uninstrumented type T (a JDK interface or class, or an excluded one) with name n and descriptor d
 * lands directly in method m of class C when T is a supertype of C, m is named n, and m's
 * descriptor is d or one of C's bridge methods of that name and descriptor calls m
 * ({@code compare(Object, Object)} for a {@code Comparator<String>}). A lambda body or a method
 * reference to a method of C is the direct target of its functional interface's method, through
 * every uninstrumented supertype of that interface that has it.
 *
 * <p>What cannot be seen here keeps its built-in entry: a method reference to another class's
 * method, a supertype whose class file cannot be read.
 */
final class DispatchTargets {
    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final int FLAG_MARKERS = 2;
    private static final int FLAG_BRIDGES = 4;

    private final ClassHeaders headers;
    private final ClassInstrumenter.OwnerFilter owners;
    private final BuiltinRegistry ids;
    private final Map<String, Set<String>> members = new HashMap<>();

    DispatchTargets(ClassHeaders headers, ClassInstrumenter.OwnerFilter owners, BuiltinRegistry ids) {
        this.headers = headers;
        this.owners = owners;
        this.ids = ids;
    }

    /** Per method of {@code cn} (name + descriptor), the keys of the built-in calls that land in it. */
    Map<String, long[]> of(ClassNode cn) {
        Map<String, Set<Long>> keys = new HashMap<>();
        List<String> outside = uninstrumentedSupertypes(List.of(cn.name));
        for (MethodNode m : cn.methods) {
            if ((m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_BRIDGE)) != 0
                    || m.name.startsWith("<")) {
                continue;
            }
            Set<String> descs = new LinkedHashSet<>();
            descs.add(m.desc);
            descs.addAll(bridgeDescriptors(cn, m));
            addKeys(keys, m.name + m.desc, outside, m.name, descs);
        }
        for (MethodNode m : cn.methods) {
            for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
                if (n instanceof InvokeDynamicInsnNode) {
                    lambda(cn, (InvokeDynamicInsnNode) n, keys);
                }
            }
        }
        Map<String, long[]> out = new HashMap<>();
        for (Map.Entry<String, Set<Long>> e : keys.entrySet()) {
            long[] a = new long[e.getValue().size()];
            int i = 0;
            for (long k : e.getValue()) {
                a[i++] = k;
            }
            out.put(e.getKey(), a);
        }
        return out;
    }

    /** A LambdaMetafactory call site whose implementation is a method of {@code cn}. */
    private void lambda(ClassNode cn, InvokeDynamicInsnNode indy, Map<String, Set<Long>> keys) {
        Handle bsm = indy.bsm;
        Object[] args = indy.bsmArgs;
        if (!LAMBDA_METAFACTORY.equals(bsm.getOwner()) || args.length < 3
                || !(args[0] instanceof Type) || !(args[1] instanceof Handle)) {
            return;
        }
        Handle impl = (Handle) args[1];
        if (!impl.getOwner().equals(cn.name)) {
            return;
        }
        Set<String> descs = new LinkedHashSet<>();
        descs.add(((Type) args[0]).getDescriptor());
        if ("altMetafactory".equals(bsm.getName()) && args.length > 3 && args[3] instanceof Integer) {
            int flags = (Integer) args[3];
            int i = 4;
            if ((flags & FLAG_MARKERS) != 0 && i < args.length) {
                i += 1 + (Integer) args[i];
            }
            if ((flags & FLAG_BRIDGES) != 0 && i < args.length) {
                int count = (Integer) args[i++];
                for (int k = 0; k < count && i < args.length; k++, i++) {
                    descs.add(((Type) args[i]).getDescriptor());
                }
            }
        }
        String iface = Type.getReturnType(indy.desc).getInternalName();
        List<String> types = new ArrayList<>();
        if (!owners.isInstrumented(iface)) {
            types.add(iface);
        }
        types.addAll(uninstrumentedSupertypes(List.of(iface)));
        addKeys(keys, impl.getName() + impl.getDesc(), types, indy.name, descs);
    }

    private void addKeys(Map<String, Set<Long>> keys, String method, List<String> types, String name, Set<String> descs) {
        for (String t : types) {
            Set<String> members = members(t);
            for (String d : descs) {
                if (members.contains(name + d)) {
                    keys.computeIfAbsent(method, k -> new LinkedHashSet<>()).add(ids.callKey(t, name, d, Opcodes.INVOKEVIRTUAL));
                }
            }
        }
    }

    /** Descriptors of {@code cn}'s bridge methods named as {@code m} that call {@code m}. */
    private static List<String> bridgeDescriptors(ClassNode cn, MethodNode m) {
        List<String> out = new ArrayList<>();
        for (MethodNode b : cn.methods) {
            if ((b.access & Opcodes.ACC_BRIDGE) == 0 || !b.name.equals(m.name) || b.desc.equals(m.desc)) {
                continue;
            }
            for (AbstractInsnNode n = b.instructions.getFirst(); n != null; n = n.getNext()) {
                if (n instanceof MethodInsnNode) {
                    MethodInsnNode mi = (MethodInsnNode) n;
                    if (mi.owner.equals(cn.name) && mi.name.equals(m.name) && mi.desc.equals(m.desc)) {
                        out.add(b.desc);
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** Every uninstrumented proper supertype of {@code start}, through instrumented ones too. */
    private List<String> uninstrumentedSupertypes(List<String> start) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(start);
        Deque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            String t = todo.poll();
            ClassHeaders.Header h;
            try {
                h = headers.header(t);
            } catch (TypeNotPresentException e) {
                continue;
            }
            List<String> supers = new ArrayList<>(h.interfaces());
            if (h.superName() != null) {
                supers.add(h.superName());
            }
            for (String s : supers) {
                if (seen.add(s)) {
                    if (!owners.isInstrumented(s)) {
                        out.add(s);
                    }
                    todo.add(s);
                }
            }
        }
        return out;
    }

    /** The instance methods a call through type {@code t} may name: its own and its supertypes'. */
    private Set<String> members(String t) {
        Set<String> known = members.get(t);
        if (known != null) {
            return known;
        }
        Set<String> out = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(t));
        while (!todo.isEmpty()) {
            String s = todo.poll();
            if (!seen.add(s)) {
                continue;
            }
            try {
                out.addAll(headers.declaredInstanceMethods(s));
                ClassHeaders.Header h = headers.header(s);
                todo.addAll(h.interfaces());
                if (h.superName() != null && !h.isInterface()) {
                    // Object's methods through an interface: javac names Object unless the interface redeclares them
                    todo.add(h.superName());
                }
            } catch (TypeNotPresentException e) {
                // what cannot be read adds nothing
            }
        }
        members.put(t, out);
        return out;
    }
}
