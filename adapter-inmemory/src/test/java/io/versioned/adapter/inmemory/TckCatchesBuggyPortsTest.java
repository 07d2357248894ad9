package io.versioned.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.versioned.api.AliasChange;
import io.versioned.api.BackendException;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.VersionRecord;
import io.versioned.tck.BlobPortContract;
import io.versioned.tck.MetadataPortContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Proves that the {@link MetadataPortContract} and the {@link BlobPortContract} catch the bugs they claim to catch:
 * each nested suite runs one contract test against an in-memory port wrapped in a deliberately buggy decorator, through the JUnit
 * launcher as a build would, and the test must fail; the same decorator without its bug must pass, so the
 * failure is the bug's and not the harness's. (Nested classes are not run by Surefire on their own.)
 */
class TckCatchesBuggyPortsTest {

    private static final String STORE_FAILURE = "everyDataMethodFailsWithABackendExceptionWhenTheStoreFails";
    private static final String TWO_CLIENTS = "everyWriteOfOneClientIsReadByAnotherClientAtOnce";
    private static final String ATOMIC_UPDATE = "updateVersionIsAtomicUnderAnInterleavedWrite";
    private static final String BLOB_STORE_FAILURE = "everyMethodFailsWithABackendExceptionWhenTheStoreFails";
    private static final String ATOMIC_WRITE_ALIAS = "writeAliasIsAtomicUnderAnInterleavedWrite";
    private static final String ATOMIC_REMOVE_ALIAS = "removeAliasIsAtomicUnderAnInterleavedWrite";

    @Test
    void aPortThatLetsAnotherExceptionThanBackendExceptionOutFailsTheStoreFailureContract() {
        assertThat(run(LeaksIllegalState.class, STORE_FAILURE).getTotalFailureCount())
                .as("%s on a port that throws IllegalStateException when its store fails", STORE_FAILURE)
                .isEqualTo(1);
        assertThat(run(WrapsInBackendException.class, STORE_FAILURE).getTestsSucceededCount())
                .as("%s on a port that throws BackendException when its store fails", STORE_FAILURE).isEqualTo(1);
    }

    @Test
    void aPortThatCachesReadsPerInstanceFailsTheTwoClientContract() {
        assertThat(run(CachesReads.class, TWO_CLIENTS).getTotalFailureCount())
                .as("%s on ports that cache their reads per instance", TWO_CLIENTS).isEqualTo(1);
        assertThat(run(TwoPlainClients.class, TWO_CLIENTS).getTestsSucceededCount())
                .as("%s on two uncached decorators of one store", TWO_CLIENTS).isEqualTo(1);
    }

    @Test
    void aPortWhoseUpdateVersionReadsThenWritesFailsTheInterleavingContractEveryTime() {
        assertThat(run(ReadThenWriteUpdateVersion.class, ATOMIC_UPDATE).getTotalFailureCount())
                .as("%s on a port whose updateVersion checks the revision, then writes blindly", ATOMIC_UPDATE)
                .isEqualTo(1);
        assertThat(run(TwoPlainClients.class, ATOMIC_UPDATE).getTestsSucceededCount())
                .as("%s on a gated decorator whose updateVersion is one compare-and-set", ATOMIC_UPDATE).isEqualTo(1);
    }

    @Test
    void aPortWhoseWriteAliasReadsThenWritesFailsTheInterleavingContractEveryTime() {
        assertThat(run(ReadThenWriteAliasChanges.class, ATOMIC_WRITE_ALIAS).getTotalFailureCount())
                .as("%s on a port whose writeAlias checks the revision, then writes blindly", ATOMIC_WRITE_ALIAS)
                .isEqualTo(1);
        assertThat(run(TwoPlainClients.class, ATOMIC_WRITE_ALIAS).getTestsSucceededCount())
                .as("%s on a gated decorator whose writeAlias is one compare-and-set", ATOMIC_WRITE_ALIAS)
                .isEqualTo(1);
    }

    @Test
    void aPortWhoseRemoveAliasReadsThenDeletesFailsTheInterleavingContractEveryTime() {
        assertThat(run(ReadThenWriteAliasChanges.class, ATOMIC_REMOVE_ALIAS).getTotalFailureCount())
                .as("%s on a port whose removeAlias checks the revision, then deletes blindly", ATOMIC_REMOVE_ALIAS)
                .isEqualTo(1);
        assertThat(run(TwoPlainClients.class, ATOMIC_REMOVE_ALIAS).getTestsSucceededCount())
                .as("%s on a gated decorator whose removeAlias is one compare-and-set", ATOMIC_REMOVE_ALIAS)
                .isEqualTo(1);
    }

    @Test
    void aBlobPortThatLetsAnotherExceptionThanBackendExceptionOutFailsTheStoreFailureContract() {
        assertThat(run(BlobLeaksIllegalState.class, BLOB_STORE_FAILURE).getTotalFailureCount())
                .as("%s on a blob port that throws IllegalStateException when its store fails", BLOB_STORE_FAILURE)
                .isEqualTo(1);
        assertThat(run(BlobWrapsInBackendException.class, BLOB_STORE_FAILURE).getTestsSucceededCount())
                .as("%s on a blob port that throws BackendException when its store fails", BLOB_STORE_FAILURE)
                .isEqualTo(1);
    }

    @Test
    void aBlobPortThatCachesReadsPerInstanceFailsTheTwoClientContract() {
        assertThat(run(CachingBlobClients.class, TWO_CLIENTS).getTotalFailureCount())
                .as("%s on blob ports that cache their reads per instance", TWO_CLIENTS).isEqualTo(1);
        assertThat(run(TwoPlainBlobClients.class, TWO_CLIENTS).getTestsSucceededCount())
                .as("%s on two uncached blob decorators of one store", TWO_CLIENTS).isEqualTo(1);
    }

    private static TestExecutionSummary run(Class<?> suite, String test) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectMethod(suite, test)).build(),
                listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsFoundCount()).as("tests named %s found in %s", test, suite.getName())
                .isEqualTo(1);
        return summary;
    }

    /** A store that can be broken: every call after {@link #breakStore()} fails with what {@code failure} gives. */
    abstract static class BreakableStore extends MetadataPortContract {

        private final AtomicBoolean broken = new AtomicBoolean();

        abstract RuntimeException failure();

        @Override
        protected MetadataPort createMetadataPort() {
            InMemoryMetadataPort store = new InMemoryMetadataPort();
            return decorate((method, args) -> {
                if (broken.get() && !method.getName().equals("bootstrap")) {
                    throw failure();
                }
                return method.invoke(store, args);
            });
        }

        @Override
        protected MetadataPort openAnotherClient() {
            return metadata();
        }

        @Override
        protected void breakStore() {
            broken.set(true);
        }
    }

    static class LeaksIllegalState extends BreakableStore {
        @Override
        RuntimeException failure() {
            return new IllegalStateException("store is gone");
        }
    }

    static class WrapsInBackendException extends BreakableStore {
        @Override
        RuntimeException failure() {
            return new BackendException("store is gone", null, true);
        }
    }

    /**
     * Two ports on one in-memory store, each made by {@code client}; the first passes the {@link #storeGate()}
     * before each call it makes on the store, so each such call counts as a request.
     */
    abstract static class TwoClients extends MetadataPortContract {

        private InMemoryMetadataPort store;

        abstract MetadataPort client(InMemoryMetadataPort store, Runnable beforeRequest);

        @Override
        protected MetadataPort createMetadataPort() {
            store = new InMemoryMetadataPort();
            return client(store, storeGate()::beforeRequest);
        }

        @Override
        protected MetadataPort openAnotherClient() {
            return client(store, () -> { });
        }

        @Override
        protected boolean claimsStoreFailure() {
            return false;
        }
    }

    static class TwoPlainClients extends TwoClients {
        @Override
        MetadataPort client(InMemoryMetadataPort store, Runnable beforeRequest) {
            return decorate((method, args) -> {
                beforeRequest.run();
                return method.invoke(store, args);
            });
        }
    }

    /** Each client remembers what it read, until it writes itself: another client's writes stay unseen. */
    static class CachesReads extends TwoClients {
        @Override
        MetadataPort client(InMemoryMetadataPort store, Runnable beforeRequest) {
            Map<List<Object>, Object> cache = new HashMap<>();
            return decorate((method, args) -> {
                boolean read = method.getName().startsWith("get") || method.getName().startsWith("list")
                        || method.getName().equals("aliasHistory");
                if (!read) {
                    cache.clear();
                    return method.invoke(store, args);
                }
                List<Object> key = List.of(method.getName(), Arrays.asList(args == null ? new Object[0] : args));
                if (!cache.containsKey(key)) {
                    cache.put(key, method.invoke(store, args));
                }
                return cache.get(key);
            });
        }
    }

    /**
     * updateVersion reads the record and checks its revision in one request, then writes whatever is stored
     * now in another (a blind write): correct alone, wrong when another write lands between the two.
     */
    static class ReadThenWriteUpdateVersion extends TwoClients {
        @Override
        MetadataPort client(InMemoryMetadataPort store, Runnable beforeRequest) {
            return decorate((method, args) -> {
                beforeRequest.run();
                if (!method.getName().equals("updateVersion")) {
                    return method.invoke(store, args);
                }
                VersionRecord record = (VersionRecord) args[0];
                long expected = (Long) args[1];
                if (store.getVersion(record.name(), record.version()).filter(r -> r.revision() == expected)
                        .isEmpty()) {
                    throw new PreconditionFailedException("not at revision " + expected);
                }
                beforeRequest.run();
                long now = store.getVersion(record.name(), record.version()).orElseThrow().revision();
                store.updateVersion(record, now);
                return null;
            });
        }
    }

    /**
     * writeAlias and removeAlias read the alias and check its revision in one request, then write or delete
     * whatever is stored now in another (blindly) and store the history entry unless one exists: correct alone,
     * wrong when another client's change lands between the check and the write.
     */
    static class ReadThenWriteAliasChanges extends TwoClients {
        @Override
        MetadataPort client(InMemoryMetadataPort store, Runnable beforeRequest) {
            return decorate((method, args) -> {
                beforeRequest.run();
                switch (method.getName()) {
                    case "writeAlias" -> {
                        AliasRecord record = (AliasRecord) args[0];
                        OptionalLong expected = (OptionalLong) args[1];
                        Optional<AliasRecord> stored = store.getAlias(record.name(), record.alias());
                        if (expected.isPresent() != stored.isPresent()
                                || stored.filter(r -> r.revision() != expected.getAsLong()).isPresent()) {
                            throw new PreconditionFailedException("alias not as expected");
                        }
                        beforeRequest.run();
                        store.getAlias(record.name(), record.alias()).ifPresentOrElse(
                                now -> store.updateAlias(record, now.revision()), () -> store.createAlias(record));
                        appendIfAbsent(store, (AliasChange) args[2]);
                        return null;
                    }
                    case "removeAlias" -> {
                        String name = (String) args[0];
                        String alias = (String) args[1];
                        if (store.getAlias(name, alias).filter(r -> r.revision() != (Long) args[2]).isPresent()) {
                            throw new PreconditionFailedException("alias not at revision " + args[2]);
                        }
                        beforeRequest.run();
                        store.getAlias(name, alias).ifPresent(now -> store.deleteAlias(name, alias, now.revision()));
                        appendIfAbsent(store, (AliasChange) args[3]);
                        return null;
                    }
                    default -> {
                        return method.invoke(store, args);
                    }
                }
            });
        }

        private static void appendIfAbsent(InMemoryMetadataPort store, AliasChange change) {
            try {
                store.appendAliasHistory(change);
            } catch (PreconditionFailedException e) {
                // an entry with this revision exists
            }
        }
    }

    /** A blob store that can be broken: every data call after {@link #breakStore()} fails with {@code failure}. */
    abstract static class BreakableBlobStore extends BlobPortContract {

        private static final Set<String> WITHOUT_STORE = Set.of("bootstrap", "uri", "capabilities");
        private final AtomicBoolean broken = new AtomicBoolean();

        abstract RuntimeException failure();

        @Override
        protected BlobPort createBlobPort() {
            InMemoryBlobPort store = new InMemoryBlobPort("breakable");
            return decorate(BlobPort.class, (method, args) -> {
                if (broken.get() && !WITHOUT_STORE.contains(method.getName())) {
                    throw failure();
                }
                return method.invoke(store, args);
            });
        }

        @Override
        protected BlobPort openAnotherClient() {
            return blobs();
        }

        @Override
        protected void breakStore() {
            broken.set(true);
        }
    }

    static class BlobLeaksIllegalState extends BreakableBlobStore {
        @Override
        RuntimeException failure() {
            return new IllegalStateException("store is gone");
        }
    }

    static class BlobWrapsInBackendException extends BreakableBlobStore {
        @Override
        RuntimeException failure() {
            return new BackendException("store is gone", null, true);
        }
    }

    /** Two blob ports on one in-memory store, each made by {@code client}. */
    abstract static class TwoBlobClients extends BlobPortContract {

        private InMemoryBlobPort store;

        abstract BlobPort client(InMemoryBlobPort store);

        @Override
        protected BlobPort createBlobPort() {
            store = new InMemoryBlobPort("shared");
            return client(store);
        }

        @Override
        protected BlobPort openAnotherClient() {
            return client(store);
        }

        @Override
        protected boolean claimsStoreFailure() {
            return false;
        }
    }

    static class TwoPlainBlobClients extends TwoBlobClients {
        @Override
        BlobPort client(InMemoryBlobPort store) {
            return decorate(BlobPort.class, (method, args) -> method.invoke(store, args));
        }
    }

    /** Each client remembers the bytes and listings it read, until it writes itself. */
    static class CachingBlobClients extends TwoBlobClients {
        @Override
        BlobPort client(InMemoryBlobPort store) {
            Map<List<Object>, Object> cache = new HashMap<>();
            return decorate(BlobPort.class, (method, args) -> {
                String name = method.getName();
                boolean read = name.equals("open") || name.startsWith("list") || name.equals("artifactNames");
                if (!read) {
                    cache.clear();
                    return method.invoke(store, args);
                }
                List<Object> key = List.of(name, Arrays.asList(args == null ? new Object[0] : args));
                if (!cache.containsKey(key)) {
                    Object result = method.invoke(store, args);
                    cache.put(key, name.equals("open")
                            ? ((Optional<?>) result).map(in -> readAll((InputStream) in)) : result);
                }
                Object cached = cache.get(key);
                return name.equals("open")
                        ? ((Optional<?>) cached).map(bytes -> new ByteArrayInputStream((byte[]) bytes)) : cached;
            });
        }

        private static byte[] readAll(InputStream in) {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A call of the decorated port: the method and its arguments. */
    @FunctionalInterface
    interface Call {
        Object handle(Method method, Object[] args) throws IllegalAccessException, InvocationTargetException;
    }

    static MetadataPort decorate(Call call) {
        return decorate(MetadataPort.class, call);
    }

    static <T> T decorate(Class<T> port, Call call) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (self, method, args) -> {
                    try {
                        return call.handle(method, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
