package io.versioned.tck;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.ShrunkFalsifiedSample;
import org.opentest4j.TestAbortedException;

/**
 * Reports a jqwik property whose set-up failed an assumption (a {@link TestAbortedException} from a
 * {@code @BeforeProperty} method, e.g. a {@link KitPart} not taken part in) as aborted, with the assumption's message,
 * as JUnit Jupiter reports a test whose {@code @BeforeEach} failed one; jqwik alone reports it as an error.
 */
final class AbortedPropertySetUp implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyExecutionResult result;
        try {
            result = property.execute();
        } catch (TestAbortedException e) {
            return new Result(PropertyExecutionResult.Status.ABORTED, e);
        }
        return result.throwable().filter(TestAbortedException.class::isInstance).map(result::mapToAborted)
                .orElse(result);
    }

    /** To every property of the annotated container. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    /** Outside the hook that runs {@code @BeforeProperty} methods, so their assumptions reach this one. */
    @Override
    public int aroundPropertyProximity() {
        return -100;
    }

    /** A property that did not run: no tries, no sample. */
    private record Result(PropertyExecutionResult.Status status, Throwable cause) implements PropertyExecutionResult {

        @Override
        public Optional<String> seed() {
            return Optional.empty();
        }

        @Override
        public Optional<List<Object>> falsifiedParameters() {
            return Optional.empty();
        }

        @Override
        public Optional<Throwable> throwable() {
            return Optional.ofNullable(cause);
        }

        @Override
        public int countChecks() {
            return 0;
        }

        @Override
        public int countTries() {
            return 0;
        }

        @Override
        public Optional<FalsifiedSample> originalSample() {
            return Optional.empty();
        }

        @Override
        public Optional<ShrunkFalsifiedSample> shrunkSample() {
            return Optional.empty();
        }

        @Override
        public PropertyExecutionResult mapTo(PropertyExecutionResult.Status newStatus, Throwable newThrowable) {
            return new Result(newStatus, newThrowable);
        }
    }
}
