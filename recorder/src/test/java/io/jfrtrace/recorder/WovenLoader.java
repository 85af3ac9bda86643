package io.jfrtrace.recorder;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Defines the class files it is given itself, child first, so that the verifier checks each one when it links; any
 * other class comes from the tests' loader.
 */
final class WovenLoader extends ClassLoader {
    final Map<String, byte[]> bytes;

    WovenLoader(Map<String, byte[]> bytes) {
        super(WovenLoader.class.getClassLoader());
        this.bytes = new HashMap<>(bytes);
    }

    /** The test classes {@code classes}, woven by {@code ci}, in one loader. */
    static WovenLoader of(ClassInstrumenter ci, Class<?>... classes) throws IOException {
        Map<String, byte[]> woven = new HashMap<>();
        for (Class<?> c : classes) {
            woven.put(c.getName(), ci.instrument(LineHolderWeaveTest.plain(c), WovenLoader.class.getClassLoader()));
        }
        return new WovenLoader(woven);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            byte[] b = bytes.get(name);
            if (b == null) {
                return super.loadClass(name, resolve);
            }
            Class<?> c = findLoadedClass(name);
            return c != null ? c : defineClass(name, b, 0, b.length);
        }
    }
}
