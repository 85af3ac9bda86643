"""Writes the Java source of a program with thousands of methods and call edges (the analysis benchmark's
call-profile workload): LAYERS layers of methods spread over classes; each method calls two methods of the next
layer (chosen by a fixed seed), the last layer does a little arithmetic. main calls the first layer's methods in
turn for SECONDS seconds, so every method and edge changes between two flushes of the recorder."""
import os
import random


def write(folder, layers=12, width=250, classes=40, seed=11):
    """Writes gen/Main.java and gen/C<k>.java under folder; returns (source files, main class, methods, edges)."""
    rnd = random.Random(seed)
    methods = [[(rnd.randrange(classes), "m%d_%d" % (layer, i)) for i in range(width)] for layer in range(layers)]
    bodies = {k: [] for k in range(classes)}
    edges = set()
    for layer in range(layers):
        for i, (cls, name) in enumerate(methods[layer]):
            if layer + 1 < layers:
                a, b = rnd.sample(range(width), 2)
                ca, na = methods[layer + 1][a]
                cb, nb = methods[layer + 1][b]
                edges.add((layer, i, a))
                edges.add((layer, i, b))
                # Two calls only on every third visit keeps the tree from growing as 2^layers per root call.
                body = ("        if ((x & 3) == 0) return C%d.%s(x >>> 2) + C%d.%s(x + 1);\n"
                        "        return (x & 1) == 0 ? C%d.%s(x >>> 1) : C%d.%s(x * 3 + 1);\n") % (ca, na, cb, nb, ca, na, cb, nb)
            else:
                body = "        return x * 31 + %d;\n" % i
            bodies[cls].append("    static long %s(long x) {\n%s    }\n" % (name, body))
    os.makedirs(os.path.join(folder, "gen"), exist_ok=True)
    files = []
    for cls in range(classes):
        path = os.path.join(folder, "gen", "C%d.java" % cls)
        with open(path, "w") as f:
            f.write("package gen;\n\nfinal class C%d {\n%s}\n" % (cls, "\n".join(bodies[cls])))
        files.append(path)
    roots = "\n".join("                case %d: sum += C%d.%s(i); break;" % (i, c, n) for i, (c, n) in enumerate(methods[0]))
    main = os.path.join(folder, "gen", "Main.java")
    with open(main, "w") as f:
        f.write("""package gen;

public final class Main {
    public static void main(String[] args) {
        long end = System.nanoTime() + (long) (Double.parseDouble(args[0]) * 1e9);
        long sum = 0;
        for (long i = 0; System.nanoTime() < end; i++) {
            switch ((int) (i %% %d)) {
%s
                default: break;
            }
        }
        System.out.println("sum " + sum);
    }
}
""" % (width, roots))
    files.append(main)
    return files, "gen.Main", layers * width, len(edges)
