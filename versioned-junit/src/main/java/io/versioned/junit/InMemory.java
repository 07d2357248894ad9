package io.versioned.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a test class, of type {@link io.versioned.api.Repository},
 * {@link io.versioned.api.ReadableRepository} or {@link TestClock}, that {@link VersionedExtension} sets before each
 * test to that test's fresh repository or its clock. Parameters of those types need no annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InMemory {
}
