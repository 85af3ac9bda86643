package io.jfrtrace.recorder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

/** Which calls may skip storing the caller's line for allocation tracebacks (NFRAME &gt; 1). */
class CallLineStoresTest {
    private static boolean closed(int op, String owner, String name, String desc) {
        return CallLineWeaver.cannotReachApplicationCode(new MethodInsnNode(op, owner, name, desc, false));
    }

    @Test
    void stringAndMathCallsOnPrimitivesAndStringsCannotReachApplicationCode() {
        assertTrue(closed(Opcodes.INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C"));
        assertTrue(closed(Opcodes.INVOKEVIRTUAL, "java/lang/String", "indexOf", "(Ljava/lang/String;I)I"));
        assertTrue(closed(Opcodes.INVOKESTATIC, "java/lang/Character", "toLowerCase", "(C)C"));
        assertTrue(closed(Opcodes.INVOKESTATIC, "java/lang/Integer", "parseInt", "(Ljava/lang/String;)I"));
        assertTrue(closed(Opcodes.INVOKESTATIC, "java/lang/Math", "max", "(II)I"));
        assertTrue(closed(Opcodes.INVOKESPECIAL, "java/lang/String", "<init>", "([C)V"));
        assertTrue(closed(Opcodes.INVOKEVIRTUAL, "java/lang/String", "getChars", "(II[CI)V"));
    }

    @Test
    void callsThatMayRunApplicationCodeKeepTheirLineStore() {
        // an application CharSequence, Object.toString(), varargs of objects
        assertFalse(closed(Opcodes.INVOKESTATIC, "java/lang/Integer", "parseInt", "(Ljava/lang/CharSequence;III)I"));
        assertFalse(closed(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", "(Ljava/lang/Object;)Ljava/lang/String;"));
        assertFalse(closed(Opcodes.INVOKESTATIC, "java/lang/String", "format",
                "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;"));
        // system properties and charset providers
        assertFalse(closed(Opcodes.INVOKESTATIC, "java/lang/Integer", "getInteger", "(Ljava/lang/String;)Ljava/lang/Integer;"));
        assertFalse(closed(Opcodes.INVOKEVIRTUAL, "java/lang/String", "getBytes", "(Ljava/lang/String;)[B"));
        assertFalse(closed(Opcodes.INVOKESPECIAL, "java/lang/String", "<init>", "([BLjava/lang/String;)V"));
        // classes that are not closed at all
        assertFalse(closed(Opcodes.INVOKEVIRTUAL, "java/util/HashMap", "get", "(Ljava/lang/Object;)Ljava/lang/Object;"));
        assertFalse(closed(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(I)Ljava/lang/StringBuilder;"));
        assertFalse(closed(Opcodes.INVOKESTATIC, "com/example/Util", "charAt", "(I)C"));
    }
}
