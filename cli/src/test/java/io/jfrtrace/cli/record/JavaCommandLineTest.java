package io.jfrtrace.cli.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The java arguments as the launcher reads them, and {@code record app.jar} as {@code record -jar app.jar}. */
class JavaCommandLineTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "com.example.Main a b                  | CLASS  | com.example.Main | ",
            "-cp app.jar com.example.Main          | CLASS  | com.example.Main | app.jar",
            "--class-path=lib -Xmx1g Main x.jar    | CLASS  | Main             | lib",
            "-jar app.jar -cp x                    | JAR    | app.jar          | ",
            "-Xss4m -m mod/com.example.Main        | MODULE | mod/com.example.Main | ",
            "--module=mod                          | MODULE | mod              | ",
            "-p mods --module mod/x.Y              | MODULE | mod/x.Y          | ",
            "Hello.java arg                        | SOURCE | Hello.java       | "})
    void readsWhatTheLauncherLaunches(String args, JavaCommandLine.Mode mode, String target, String classPath) {
        JavaCommandLine parsed = JavaCommandLine.parse(List.of(args.split(" ")));
        assertEquals(new JavaCommandLine(mode, target, classPath), parsed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-cp", "-jar", "-Xmx1g", "-cp a.jar -m"})
    void namesNothing(String args) {
        assertNull(JavaCommandLine.parse(List.of(args.split(" "))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "app.jar a b                    | -jar app.jar a b",
            "-Xmx1g app.jar                 | -Xmx1g -jar app.jar",
            "-cp app.jar app.jar            | -cp app.jar -jar app.jar", // the jar to run, not the class path's
            "-jar app.jar                   | -jar app.jar",
            "com.example.Main app.jar       | com.example.Main app.jar", // the program's own argument
            "-cp lib.jar com.example.Main   | -cp lib.jar com.example.Main"})
    void aJarWhereTheMainClassStandsIsRunAsMinusJar(String args, String expected) {
        assertEquals(List.of(expected.split(" ")), JavaCommandLine.withJarShortcut(List.of(args.split(" "))));
    }
}
