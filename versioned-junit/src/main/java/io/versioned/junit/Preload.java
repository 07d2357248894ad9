package io.versioned.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a test resource into the repository of {@link VersionedExtension} before each test, as LATEST of
 * {@link #name()}, then publishes it and points an alias at it when asked. Repeatable; the preloads of the class
 * (and its enclosing classes, outermost first) come before those of the method, each in the order written, so the
 * same name preloaded twice gets version 1, then 2.
 *
 * <pre>{@code
 * @VersionedTest
 * @Preload(name = "model", resource = "models/v1.bin", alias = "production")
 * class ServingTest { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Preload.List.class)
public @interface Preload {

    /**
     * The artifact name.
     *
     * @return the name
     */
    String name();

    /**
     * The class path resource holding the bytes, e.g. {@code models/v1.bin} (a leading {@code /} is allowed), read
     * with the test class's class loader.
     *
     * @return the resource
     */
    String resource();

    /**
     * Whether to publish LATEST as the next version number; implied by {@link #alias()}.
     *
     * @return true to publish
     */
    boolean publish() default false;

    /**
     * The alias to point at the published version; empty for none.
     *
     * @return the alias name, or empty
     */
    String alias() default "";

    /**
     * The content type stored with the bytes; empty for {@code application/octet-stream}.
     *
     * @return the media type, or empty
     */
    String contentType() default "";

    /** The container of repeated {@link Preload}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {

        /**
         * The preloads, in order.
         *
         * @return the preloads
         */
        Preload[] value();
    }
}
