package io.versioned.bench.concurrency;

import io.versioned.api.Version;
import io.versioned.bench.backend.BenchBackend;
import io.versioned.core.FsckReport;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.VersionRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Proves, after a concurrency run, that nothing acknowledged was lost, by comparing the {@link Ledger} with the
 * records read straight from the metadata port and with a {@link io.versioned.core.Maintenance#fsck()}:
 * <ul>
 *   <li>every acknowledged put reported the content that was put;</li>
 *   <li>every acknowledged publish has a live version record with the SHA-256 the acknowledgement reported, and no
 *       version number was acknowledged with two different contents; with own artifacts, each publish reported the
 *       content its thread had just put, with numbers increasing;</li>
 *   <li>every numbered version holds content some thread put (no foreign or mixed bytes);</li>
 *   <li>every alias exists, points at a live version that an acknowledged change named (with own artifacts: the last
 *       one), at a revision no lower than any acknowledged; every resolve returned an existing version with its
 *       SHA-256 (with own artifacts: the version just aliased);</li>
 *   <li>with own artifacts, LATEST holds the last content put;</li>
 *   <li>fsck reads every live version and finds its bytes intact (orphan blobs are allowed and counted).</li>
 * </ul>
 */
final class LossCheck {

    /**
     * What the check found.
     *
     * @param publishes      acknowledged publishes
     * @param versions       numbered versions in the store
     * @param unacknowledged numbered versions no acknowledgement names (a publish retried after an unknown outcome)
     * @param fsck           the fsck report
     * @param problems       every loss or inconsistency found; empty when nothing was lost
     */
    record Verification(int publishes, int versions, int unacknowledged, FsckReport fsck, List<String> problems) {

        Verification {
            problems = List.copyOf(problems);
        }

        /** True when nothing was lost and every invariant holds. */
        boolean clean() {
            return problems.isEmpty();
        }
    }

    private final BenchBackend backend;
    private final Workload workload;
    private final Ledger ledger;
    private final List<String> problems = new ArrayList<>();

    private LossCheck(BenchBackend backend, Workload workload, Ledger ledger) {
        this.backend = backend;
        this.workload = workload;
        this.ledger = ledger;
    }

    /** Checks the stores of {@code backend} against what {@code ledger} recorded; nothing runs meanwhile. */
    static Verification verify(BenchBackend backend, Workload workload, Ledger ledger) {
        return new LossCheck(backend, workload, ledger).verify();
    }

    private Verification verify() {
        Set<String> attempted = ledger.attempted();
        for (Ledger.PutAck put : ledger.puts()) {
            if (!put.sha256().equals(put.reported())) {
                problems.add("put of " + put.name() + " by thread " + put.thread() + " acknowledged content "
                        + put.reported() + ", not the content put (" + put.sha256() + ")");
            }
        }
        Map<String, List<Ledger.PublishAck>> publishes = byName(ledger.publishes(), Ledger.PublishAck::name);
        Map<String, List<Ledger.AliasAck>> aliases = byName(ledger.aliases(), Ledger.AliasAck::name);
        Map<String, List<Ledger.ResolveSeen>> resolves = byName(ledger.resolves(), Ledger.ResolveSeen::name);
        Map<String, List<Ledger.PutAck>> puts = byName(ledger.puts(), Ledger.PutAck::name);
        TreeSet<String> names = new TreeSet<>(puts.keySet());
        names.addAll(publishes.keySet());
        int versions = 0;
        int unacknowledged = 0;
        for (String name : names) {
            Map<Version, VersionRecord> records = backend.metadata().listVersions(name).stream()
                    .collect(Collectors.toMap(VersionRecord::version, Function.identity()));
            List<Ledger.PublishAck> acks = publishes.getOrDefault(name, List.of());
            Set<Version> acknowledged = acks.stream().map(Ledger.PublishAck::version).collect(Collectors.toSet());
            for (VersionRecord record : records.values()) {
                if (record.version().isLatest()) {
                    continue;
                }
                versions++;
                if (!acknowledged.contains(record.version())) {
                    unacknowledged++;
                }
                if (!attempted.contains(record.sha256())) {
                    problems.add("version " + record.version() + " of " + name + " holds content no thread put ("
                            + record.sha256() + ")");
                }
            }
            checkPublishes(name, acks, records);
            checkLatest(name, puts.getOrDefault(name, List.of()), records);
            checkAliases(name, aliases.getOrDefault(name, List.of()), records);
            checkResolves(name, resolves.getOrDefault(name, List.of()), aliases.getOrDefault(name, List.of()),
                    records);
        }
        FsckReport fsck = backend.maintenance().fsck();
        fsck.findings().forEach(finding -> problems.add("fsck: version " + finding.version() + " of "
                + finding.name() + ": " + finding.problem()));
        return new Verification(ledger.publishes().size(), versions, unacknowledged, fsck, problems);
    }

    private void checkPublishes(String name, List<Ledger.PublishAck> acks, Map<Version, VersionRecord> records) {
        Map<Version, Set<String>> contentsByNumber = new HashMap<>();
        int previous = 0;
        for (Ledger.PublishAck ack : acks) {
            contentsByNumber.computeIfAbsent(ack.version(), v -> new TreeSet<>()).add(ack.sha256());
            VersionRecord record = records.get(ack.version());
            if (record == null) {
                problems.add("LOST: version " + ack.version() + " of " + name + ", whose publish was acknowledged to "
                        + "thread " + ack.thread() + ", has no record");
            } else if (record.deleted()) {
                problems.add("version " + ack.version() + " of " + name + ", acknowledged, is deleted");
            } else if (!record.sha256().equals(ack.sha256())) {
                problems.add("version " + ack.version() + " of " + name + " holds " + record.sha256()
                        + ", but its publish was acknowledged with " + ack.sha256());
            }
            if (workload == Workload.OWN_ARTIFACTS) {
                if (!ack.sha256().equals(ack.putSha256())) {
                    problems.add("publish of " + name + " by its only writer reported content " + ack.sha256()
                            + ", not the content it had just put (" + ack.putSha256() + ")");
                }
                if (ack.version().number() <= previous) {
                    problems.add("publishes of " + name + " by its only writer got version " + ack.version()
                            + " after version " + previous);
                }
                previous = ack.version().number();
            }
        }
        contentsByNumber.forEach((version, contents) -> {
            if (contents.size() > 1) {
                problems.add("version number " + version + " of " + name + " was acknowledged with "
                        + contents.size() + " different contents: " + contents);
            }
        });
    }

    private void checkLatest(String name, List<Ledger.PutAck> puts, Map<Version, VersionRecord> records) {
        if (workload != Workload.OWN_ARTIFACTS || puts.isEmpty()) {
            return;
        }
        String last = puts.get(puts.size() - 1).sha256();
        VersionRecord latest = records.get(Version.LATEST);
        if (latest == null || latest.deleted() || !latest.sha256().equals(last)) {
            problems.add("LATEST of " + name + " is " + (latest == null ? "missing" : latest.sha256()
                    + (latest.deleted() ? " (deleted)" : "")) + ", not the last content put (" + last + ")");
        }
    }

    private void checkAliases(String name, List<Ledger.AliasAck> acks, Map<Version, VersionRecord> records) {
        Map<String, List<Ledger.AliasAck>> byAlias = byName(acks, Ledger.AliasAck::alias);
        byAlias.forEach((alias, changes) -> {
            changes.stream().filter(ack -> !ack.reported().equals(ack.version())).forEach(ack -> problems.add(
                    "putAlias " + alias + " of " + name + " to " + ack.version() + " was acknowledged as "
                            + ack.reported()));
            Optional<AliasRecord> stored = backend.metadata().getAlias(name, alias);
            if (stored.isEmpty()) {
                problems.add("LOST: alias " + alias + " of " + name + ", changed " + changes.size()
                        + " times with acknowledgement, does not exist");
                return;
            }
            AliasRecord record = stored.get();
            Version target = record.target().version();
            Set<Version> named = changes.stream().map(Ledger.AliasAck::version).collect(Collectors.toSet());
            if (!named.contains(target)) {
                problems.add("alias " + alias + " of " + name + " points at " + target
                        + ", which no acknowledged change named");
            }
            Version last = changes.get(changes.size() - 1).version();
            if (workload == Workload.OWN_ARTIFACTS && !target.equals(last)) {
                problems.add("LOST: alias " + alias + " of " + name + " points at " + target + ", not at " + last
                        + " named by the last acknowledged change of its only writer");
            }
            if (record.target().secondaryVersion().isPresent()) {
                problems.add("alias " + alias + " of " + name + " has a secondary version no change asked for");
            }
            VersionRecord version = records.get(target);
            if (version == null || version.deleted()) {
                problems.add("alias " + alias + " of " + name + " points at version " + target + ", which is "
                        + (version == null ? "missing" : "deleted"));
            }
            long highest = changes.stream().mapToLong(Ledger.AliasAck::revision).max().orElse(0);
            if (record.revision() < highest) {
                problems.add("LOST: alias " + alias + " of " + name + " is at revision " + record.revision()
                        + ", below the acknowledged revision " + highest);
            }
        });
    }

    private void checkResolves(String name, List<Ledger.ResolveSeen> resolves, List<Ledger.AliasAck> aliases,
                               Map<Version, VersionRecord> records) {
        for (Ledger.ResolveSeen seen : resolves) {
            VersionRecord record = records.get(seen.version());
            if (record == null || !record.sha256().equals(seen.sha256())) {
                problems.add("resolve of " + seen.alias() + " of " + name + " returned version " + seen.version()
                        + " with " + seen.sha256() + ", but the store holds " + (record == null ? "no such version"
                        : record.sha256()));
            }
        }
        if (workload == Workload.OWN_ARTIFACTS) {
            for (int i = 0; i < Math.min(resolves.size(), aliases.size()); i++) {
                if (!resolves.get(i).version().equals(aliases.get(i).version())) {
                    problems.add("resolve of " + resolves.get(i).alias() + " of " + name + " returned "
                            + resolves.get(i).version() + " right after its only writer pointed it at "
                            + aliases.get(i).version());
                }
            }
        }
    }

    private static <T> Map<String, List<T>> byName(List<T> entries, Function<T, String> key) {
        return entries.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new,
                Collectors.toList()));
    }
}
