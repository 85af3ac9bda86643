package io.jfrtrace.recorder;

import java.util.Map;
import java.util.Set;

/**
 * What the weavers need to know of the class whose methods they weave, read once per class.
 *
 * @param name internal name ({@code com/example/Fib})
 * @param file the source path frames and allocation sites name ({@code com/example/Fib.java})
 * @param dottedName {@code com.example.Fib}, which function names are made from ({@code FrameNames.function})
 * @param dispatchTargets per method (name + descriptor), the built-in calls that land in it directly
 *                        (empty without {@code --builtins}: see DispatchTargets)
 * @param initCalls per method, the ordinals of the constructor calls that complete a {@code NEW}
 *                  (empty without allocation tracing: see AllocSites)
 * @param lineSlots the class's executable lines as the line counter numbers them (null without
 *                  {@code --lines}, or when the class has no line-number table)
 * @param stackMaps whether the class file carries stack map frames (see StackMapFrames.carried)
 */
record WovenClass(String name, String file, String dottedName, Map<String, long[]> dispatchTargets,
                  Map<String, Set<Integer>> initCalls, LineSlots lineSlots, boolean stackMaps) {
}
