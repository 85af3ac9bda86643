package io.jfrtrace.recorder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Finds allocation sites in a method: the instruction after which the new object is on top of
 * the stack. {@code NEW} objects are recorded after their {@code <init>} returns, and only when
 * the stack simulation (ASM's AnalyzerAdapter on the class's stack map frames) shows the usual
 * {@code NEW; DUP; ...; INVOKESPECIAL <init>} shape; any doubt and the site is skipped.
 */
final class AllocSites {
    /** An allocation site: record the top of stack right after {@code after}. */
    record Site(AbstractInsnNode after, int line) {
    }

    private AllocSites() {
    }

    /**
     * For every method (name + desc): the ordinals (among method instructions) of the
     * {@code INVOKESPECIAL <init>} calls that leave the initialized NEW object on the stack.
     */
    static Map<String, Set<Integer>> initCalls(byte[] classfile) {
        Map<String, Set<Integer>> out = new HashMap<>();
        ClassReader cr = new ClassReader(classfile);
        if (cr.readShort(6) < Opcodes.V1_6) {
            return out; // no stack map frames to trust
        }
        String[] owner = new String[1];
        cr.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String sig, String sup, String[] itf) {
                owner[0] = name;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    return null;
                }
                Set<Integer> set = new HashSet<>();
                out.put(name + desc, set);
                int[] ordinal = {0};
                return new AnalyzerAdapter(Opcodes.ASM9, owner[0], access, name, desc, null) {
                    @Override
                    public void visitMethodInsn(int op, String o, String n, String d, boolean itf) {
                        int k = ordinal[0]++;
                        if (op == Opcodes.INVOKESPECIAL && "<init>".equals(n) && stack != null) {
                            int slots = Type.getArgumentsAndReturnSizes(d) >> 2; // args + receiver
                            int r = stack.size() - slots;
                            if (r >= 1 && stack.get(r) instanceof Label && stack.get(r - 1) == stack.get(r)) {
                                set.add(k);
                            }
                        }
                        super.visitMethodInsn(op, o, n, d, itf);
                    }
                };
            }
        }, ClassReader.EXPAND_FRAMES);
        return out;
    }

    /** The allocation sites in a method's original {@code code}, in code order. */
    static List<Site> find(List<AbstractInsnNode> code, Set<Integer> initOrdinals, ClassInstrumenter.OwnerFilter owners) {
        List<Site> sites = new ArrayList<>();
        int line = 0;
        int ordinal = 0;
        for (AbstractInsnNode n : code) {
            if (n instanceof LineNumberNode) {
                line = ((LineNumberNode) n).line;
                continue;
            }
            int op = n.getOpcode();
            switch (op) {
                case Opcodes.NEWARRAY:
                case Opcodes.ANEWARRAY:
                case Opcodes.MULTIANEWARRAY:
                    sites.add(new Site(n, line));
                    break;
                default:
                    break;
            }
            if (n instanceof MethodInsnNode) {
                int k = ordinal++;
                MethodInsnNode mi = (MethodInsnNode) n;
                if (op == Opcodes.INVOKESPECIAL && "<init>".equals(mi.name)) {
                    if (initOrdinals != null && initOrdinals.contains(k)) {
                        sites.add(new Site(n, line));
                    }
                } else if (allocatingCall(mi, owners)) {
                    sites.add(new Site(n, line));
                }
            }
        }
        return sites;
    }

    /** Calls from app code whose result is a new object we attribute to the calling line. */
    static boolean allocatingCall(MethodInsnNode mi, ClassInstrumenter.OwnerFilter owners) {
        String o = mi.owner;
        String n = mi.name;
        if (Type.getReturnType(mi.desc).getSort() < Type.ARRAY) {
            return false;
        }
        if ("clone".equals(n) && "()Ljava/lang/Object;".equals(mi.desc)) {
            if (o.startsWith("[")) {
                return true; // array clone
            }
            if (mi.getOpcode() == Opcodes.INVOKESPECIAL) {
                return "java/lang/Object".equals(o); // super.clone() reaching Object.clone
            }
            return mi.getOpcode() == Opcodes.INVOKEVIRTUAL && !owners.isInstrumented(o);
        }
        if ("java/lang/reflect/Array".equals(o) && "newInstance".equals(n)) {
            return true;
        }
        if ("java/util/Arrays".equals(o) && (n.equals("copyOf") || n.equals("copyOfRange"))) {
            return true;
        }
        return false;
    }
}
