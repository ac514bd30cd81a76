package dev.migrate.junit;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The test class path of this module, less some libraries: a project without a JPA provider, say. */
final class TestClasspath {
    private TestClasspath() {}

    /** The class path less the elements whose file name contains one of {@code libraries}. */
    static List<Path> without(String... libraries) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(element -> !element.isBlank())
                .map(Path::of)
                .filter(element -> Arrays.stream(libraries)
                        .noneMatch(library -> element.getFileName().toString().contains(library)))
                .toList();
    }

    /** A class path without JPA (no JPA API, no provider) that has Spring Data JDBC, as a Spring Data JDBC project's. */
    static List<Path> withoutJpa() {
        return without("hibernate", "jakarta.persistence");
    }

    /** A class path with neither JPA nor Spring Data, as a jOOQ or MyBatis project's. */
    static List<Path> withoutEntityLibraries() {
        return without("hibernate", "jakarta.persistence", "spring-data");
    }
}
