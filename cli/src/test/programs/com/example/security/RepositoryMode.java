package com.example.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Prints the mode of the folder that holds this JVM's JFR repository (record deletes it when the JVM ends). */
public class RepositoryMode {
    public static void main(String[] args) throws Exception {
        Path chunks = Path.of(System.getProperty("jdk.jfr.repository"));
        System.out.println("repository folder " + PosixFilePermissions.toString(Files.getPosixFilePermissions(chunks.getParent())));
    }
}
