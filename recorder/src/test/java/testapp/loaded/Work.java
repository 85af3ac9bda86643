package testapp.loaded;

/** Loaded by LoaderApp's own class loader. */
public class Work {
    public static int compute(int n) {
        return n + 1;
    }
}
