package io.versioned.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The text of {@code --version}: this build's version, the git commit it was built from, and the Java runtime. The
 * build writes the version into {@code version.properties} and the commit into {@code commit.properties}
 * ({@value #UNKNOWN} where the build had no git clone or no git).
 */
final class VersionInfo implements IVersionProvider {

    /** What stands for a value the build could not know. */
    static final String UNKNOWN = "unknown";

    @Override
    public String[] getVersion() {
        return new String[] {"versioned " + version() + ", commit " + commit(), "Java " + Runtime.version()};
    }

    /** The project version this CLI was built from. */
    static String version() {
        return property("version.properties", "version", "(unknown version)");
    }

    /** The abbreviated git commit this CLI was built from, with {@code -dirty} if the work tree had changes. */
    static String commit() {
        return property("commit.properties", "commit", UNKNOWN);
    }

    /** {@code key} of the resource {@code file}, or {@code fallback} where the build left it unset. */
    private static String property(String file, String key, String fallback) {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(file)) {
            if (in == null) {
                return fallback;
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty(key, "").strip();
        return value.isEmpty() ? fallback : value;
    }
}
