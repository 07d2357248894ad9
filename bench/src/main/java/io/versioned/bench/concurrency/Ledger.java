package io.versioned.bench.concurrency;

import io.versioned.api.Version;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the threads of one concurrency run were told by the repository: every acknowledged put, publish and alias
 * change, every resolve, and the SHA-256 of every content any thread tried to put. {@link LossCheck} compares it
 * with the stores afterwards. Thread-safe; each thread's entries keep the order it added them in.
 */
final class Ledger {

    /** A put the repository acknowledged: {@code sha256} is the content's, {@code reported} what the put returned. */
    record PutAck(int thread, String name, String sha256, String reported) {
    }

    /** A publish the repository acknowledged, and the SHA-256 of the content the same thread had just put. */
    record PublishAck(int thread, String name, Version version, String sha256, String putSha256) {
    }

    /** An alias change the repository acknowledged: the version asked for and the one the answer reported. */
    record AliasAck(int thread, String name, String alias, Version version, Version reported, long revision) {
    }

    /** The version a resolve returned. */
    record ResolveSeen(int thread, String name, String alias, Version version, String sha256) {
    }

    private final Set<String> attempted = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<PutAck> puts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<PublishAck> publishes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<AliasAck> aliases = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ResolveSeen> resolves = new ConcurrentLinkedQueue<>();

    /** Records, before the put is sent, that some thread is about to put content with this SHA-256. */
    void attempting(String sha256) {
        attempted.add(sha256);
    }

    void put(PutAck ack) {
        puts.add(ack);
    }

    void published(PublishAck ack) {
        publishes.add(ack);
    }

    void aliased(AliasAck ack) {
        aliases.add(ack);
    }

    void resolved(ResolveSeen seen) {
        resolves.add(seen);
    }

    Set<String> attempted() {
        return Set.copyOf(attempted);
    }

    List<PutAck> puts() {
        return List.copyOf(puts);
    }

    List<PublishAck> publishes() {
        return List.copyOf(publishes);
    }

    List<AliasAck> aliases() {
        return List.copyOf(aliases);
    }

    List<ResolveSeen> resolves() {
        return List.copyOf(resolves);
    }
}
