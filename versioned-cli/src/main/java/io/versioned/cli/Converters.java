package io.versioned.cli;

import io.versioned.api.Version;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import io.versioned.core.spi.Durations;

/** Registers the CLI's value parsers, so that bad values are reported as usage errors with the rule. */
final class Converters {

    private Converters() {
    }

    /** Registers converters for {@link Version} and {@link Duration} on the whole command hierarchy. */
    static void register(CommandLine commandLine) {
        commandLine.registerConverter(Version.class, wrap(Version::parse));
        commandLine.registerConverter(Duration.class, wrap(Durations::parse));
    }

    private static <T> ITypeConverter<T> wrap(ITypeConverter<T> parser) {
        return text -> {
            try {
                return parser.convert(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }
}
