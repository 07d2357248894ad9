package io.versioned.cache;

import io.versioned.api.Alias;
import io.versioned.api.Artifact;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An alias with its target versions on local disk, complete and verified.
 *
 * @param alias         the alias record
 * @param primary       the primary version
 * @param primaryFile   its bytes
 * @param secondary     the canary version, if the alias has one
 * @param secondaryFile its bytes, if the alias has a canary
 */
public record LocalAlias(Alias alias, Artifact primary, Path primaryFile, Optional<Artifact> secondary,
                         Optional<Path> secondaryFile) {

    public LocalAlias {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(primaryFile, "primaryFile");
        Objects.requireNonNull(secondary, "secondary");
        Objects.requireNonNull(secondaryFile, "secondaryFile");
    }

    /**
     * The version the sticky routing picks for {@code routingKey} ({@link Alias#route}): the same key gets the same
     * version for the same alias configuration, in every process and language.
     *
     * @throws IllegalArgumentException if {@code routingKey} is null
     */
    public Artifact artifact(String routingKey) {
        return alias.route(routingKey).equals(primary.version()) ? primary : secondary.orElseThrow();
    }

    /** The file of {@link #artifact(String)}. */
    public Path path(String routingKey) {
        return alias.route(routingKey).equals(primary.version()) ? primaryFile : secondaryFile.orElseThrow();
    }
}
