package io.jfrtrace.cli;

import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {text()};
    }

    static String text() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "jfr-trace " + (v == null ? "(development build)" : v);
    }
}
