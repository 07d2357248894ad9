package io.versioned.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The text of {@code --version}: this build's version and the Java runtime. */
final class VersionInfo implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"versioned " + version(), "Java " + Runtime.version()};
    }

    /** The project version this CLI was built from. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "(unknown version)";
            }
            properties.load(in);
            return properties.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
