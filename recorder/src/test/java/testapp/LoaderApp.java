package testapp;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads testapp.loaded.Work through its own (child-first) class loader, then classes the agent
 * cannot instrument: garbage bytes, a JSR class, a method too large once instrumented
 * (the last two from the directory args[0]).
 */
public class LoaderApp {
    static final class ChildFirst extends ClassLoader {
        ChildFirst(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("testapp.loaded.")) {
                    Class<?> c = findLoadedClass(name);
                    if (c == null) {
                        try (InputStream in = getResourceAsStream(name.replace('.', '/') + ".class")) {
                            byte[] b = in.readAllBytes();
                            c = defineClass(name, b, 0, b.length);
                        } catch (java.io.IOException e) {
                            throw new ClassNotFoundException(name, e);
                        }
                    }
                    return c;
                }
                return super.loadClass(name, resolve);
            }
        }

        Class<?> defineGarbage(String name) {
            byte[] b = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 1, 2, 3};
            return defineClass(name, b, 0, b.length);
        }
    }

    public static void main(String[] args) throws Exception {
        ChildFirst loader = new ChildFirst(LoaderApp.class.getClassLoader());
        Class<?> work = loader.loadClass("testapp.loaded.Work");
        if (work.getClassLoader() != loader) {
            throw new AssertionError("not loaded by the custom loader");
        }
        int s = 0;
        for (int i = 0; i < 5; i++) {
            s += (Integer) work.getMethod("compute", int.class).invoke(null, i);
        }
        System.out.println("work=" + s);
        try {
            loader.defineGarbage("odd.Garbage");
            System.out.println("garbage: defined?!");
        } catch (ClassFormatError e) {
            System.out.println("garbage: ClassFormatError");
        }
        if (args.length > 0) {
            try (URLClassLoader u = new URLClassLoader(new URL[] {new File(args[0]).toURI().toURL()}, null)) {
                for (String n : new String[] {"odd.Jsr", "odd.Huge"}) {
                    Object r = Class.forName(n, true, u).getMethod("run").invoke(null);
                    System.out.println(n + "=" + r);
                }
            }
        }
    }
}
