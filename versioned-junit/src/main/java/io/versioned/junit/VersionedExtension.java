package io.versioned.junit;

import io.versioned.api.PutOptions;
import io.versioned.api.ReadableRepository;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives each test a fresh in-memory repository ({@code memory:}, every rule of the library, nothing on disk) that
 * reads its time from a {@link TestClock}, and closes it after the test:
 *
 * <ul>
 *   <li>as a parameter of the test method, or of a {@code @BeforeEach}/{@code @AfterEach} method, of type
 *       {@link Repository}, {@link ReadableRepository} or {@link TestClock};</li>
 *   <li>in the fields of those types marked {@link InMemory}, set before each test.</li>
 * </ul>
 *
 * <p>Before the test, the {@link Preload}s of its class and method are put into the repository. A missing
 * resource, or an alias on a preload that the repository refuses, fails the test with an
 * {@link ExtensionConfigurationException} naming the preload. Register it with {@link VersionedTest} or
 * {@code @ExtendWith(VersionedExtension.class)}.
 */
public final class VersionedExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            VersionedExtension.class);

    /** Made by JUnit. */
    public VersionedExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Fresh fresh = fresh(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : AnnotationSupport.findAnnotatedFields(instance.getClass(), InMemory.class)) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                    throw new ExtensionConfigurationException("@InMemory field " + field.getName()
                            + ": must be neither static nor final");
                }
                Object value = fresh.of(field.getType());
                if (value == null) {
                    throw new ExtensionConfigurationException("@InMemory field " + field.getName() + ": must be a "
                            + "Repository, ReadableRepository or TestClock, got " + field.getType().getName());
                }
                field.setAccessible(true);
                field.set(instance, value);
            }
        }
        for (Preload preload : preloads(context)) {
            preload(fresh.repository(), preload, context.getRequiredTestClass());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Fresh fresh = context.getStore(NAMESPACE).remove(Fresh.class, Fresh.class);
        if (fresh != null) {
            fresh.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Repository.class || type == ReadableRepository.class || type == TestClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("a versioned repository is made for each test: "
                    + parameter.getParameter() + " can only be a parameter of a test, @BeforeEach or @AfterEach "
                    + "method");
        }
        return fresh(context).of(parameter.getParameter().getType());
    }

    /** The repository and clock of the test under way, made on first use. */
    private static Fresh fresh(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Fresh.class, type -> {
            TestClock clock = new TestClock();
            Repository repository = Versioned.open("memory:",
                    RepositoryOptions.builder().clock(clock).bootstrap(true).build());
            return new Fresh(repository, clock);
        }, Fresh.class);
    }

    /**
     * The preloads of the classes a {@code @Nested} test class is in (outermost first), of the test class, then of
     * the method.
     */
    private static List<Preload> preloads(ExtensionContext context) {
        List<Class<?>> classes = new ArrayList<>();
        Class<?> type = context.getRequiredTestClass();
        classes.add(type);
        while (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            type = type.getEnclosingClass();
            classes.add(0, type);
        }
        List<Preload> preloads = new ArrayList<>();
        for (Class<?> each : classes) {
            preloads.addAll(AnnotationSupport.findRepeatableAnnotations(each, Preload.class));
        }
        context.getTestMethod().ifPresent(method ->
                preloads.addAll(AnnotationSupport.findRepeatableAnnotations(method, Preload.class)));
        return preloads;
    }

    private static void preload(Repository repository, Preload preload, Class<?> testClass) {
        String path = preload.resource().startsWith("/") ? preload.resource().substring(1) : preload.resource();
        InputStream in = testClass.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new ExtensionConfigurationException(describe(preload) + ": resource: '" + path
                    + "' is not on the test class path");
        }
        PutOptions options = preload.contentType().isEmpty() ? PutOptions.none()
                : PutOptions.builder().contentType(preload.contentType()).build();
        try (in) {
            repository.putArtifact(preload.name(), in, options);
            if (preload.publish() || !preload.alias().isEmpty()) {
                Version version = repository.publishArtifactVersion(preload.name()).version();
                if (!preload.alias().isEmpty()) {
                    repository.putAlias(preload.name(), preload.alias(), version);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ExtensionConfigurationException(describe(preload) + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Preload preload) {
        return "@Preload(name=\"" + preload.name() + "\", resource=\"" + preload.resource() + "\")";
    }

    /** One test's repository and clock. */
    private record Fresh(Repository repository, TestClock clock) {

        /** The repository or the clock, whichever is of {@code type}; null for another type. */
        Object of(Class<?> type) {
            if (type == Repository.class || type == ReadableRepository.class) {
                return repository;
            }
            return type == TestClock.class ? clock : null;
        }

        void close() {
            repository.close();
        }
    }
}
