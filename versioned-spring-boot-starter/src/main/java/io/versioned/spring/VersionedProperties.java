package io.versioned.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code versioned.*} properties.
 *
 * @param repository the repository URI ({@code docs/choosing-a-backend.md}), e.g. {@code embedded:/var/lib/app};
 *                   without it nothing is configured
 * @param bootstrap  whether to create the repository's storage when missing, on start
 * @param cache      the local cache; none unless {@code versioned.cache.dir} is set
 * @param watch      the aliases to watch, by an id of the application's choosing
 */
@ConfigurationProperties("versioned")
public record VersionedProperties(String repository, @DefaultValue("false") boolean bootstrap,
                                  @DefaultValue Cache cache, Map<String, Watch> watch) {

    /** Normalises a missing watch map to an empty one. */
    public VersionedProperties {
        watch = watch == null ? Map.of() : Map.copyOf(watch);
    }

    /**
     * {@code versioned.cache.*}: the read-side cache of {@code docs/serving.md}.
     *
     * @param dir      the cache folder; no cache unless set (a {@code cache=DIR} parameter of the URI wins)
     * @param ttl      how long alias records, LATEST and listings are served without asking the store
     * @param maxBytes the bound of the content on disk
     * @param maxStale how long after its time-to-live a record is still served when the store fails
     */
    public record Cache(Path dir, @DefaultValue("30s") Duration ttl, @DefaultValue("10GB") DataSize maxBytes,
                        @DefaultValue("1h") Duration maxStale) {
    }

    /**
     * {@code versioned.watch.<id>.*}: an alias kept on local disk and followed as it changes.
     *
     * @param name           the artifact
     * @param alias          the alias
     * @param interval       how often the store is asked
     * @param startupTimeout how long the application's start waits for the first read (it goes on without it,
     *                       with a warning, after that)
     */
    public record Watch(String name, String alias, @DefaultValue("10s") Duration interval,
                        @DefaultValue("30s") Duration startupTimeout) {
    }
}
