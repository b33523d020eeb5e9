package no.skymarked.ocds;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.skymarked.ocds.store.FactsReader;
import no.skymarked.ocds.store.OcdsStore;

/**
 * Open contracting data of the marketplace, derived at read time: the release feed (in date order, paged by an
 * opaque cursor), the record of one process, and all releases of a month. Published data is for everyone.
 */
public final class Publication {
    private static final int CHUNK = 500;
    private final OcdsStore store;
    private final FactsReader facts;
    private final Releases releases;

    public Publication(OcdsStore store, FactsReader facts, Ocid ocid) {
        this.store = store;
        this.facts = facts;
        this.releases = new Releases(ocid);
    }

    public Ocid ocid() {
        return releases.ocid();
    }

    /** A page of releases: those dated at or after {@code since}, after {@code after}; {@code next} when there may be more. */
    public record Page(List<Map<String, Object>> releases, ReleaseKey next) {
    }

    public Page releases(Instant since, ReleaseKey after, int limit) {
        List<ReleaseKey> keys = store.keys(since, null, after, limit + 1);
        boolean more = keys.size() > limit;
        List<ReleaseKey> page = more ? keys.subList(0, limit) : keys;
        return new Page(build(page), more ? page.getLast() : null);
    }

    /** Every release dated in the month (UTC), in feed order. */
    public List<Map<String, Object>> month(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant until = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Map<String, Object>> out = new ArrayList<>();
        ReleaseKey after = null;
        while (true) {
            List<ReleaseKey> keys = store.keys(from, until, after, CHUNK);
            out.addAll(build(keys));
            if (keys.size() < CHUNK) {
                return out;
            }
            after = keys.getLast();
        }
    }

    /** The releases of one process, oldest first; empty when it is not one of ours or nothing of it is public yet. */
    public Optional<List<Map<String, Object>>> record(String ocid) {
        Optional<Ocid.Process> process = releases.ocid().parse(ocid);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> out = process.get().kind() == Ocid.Kind.FRAMEWORK
                ? facts.frameworkVersions(process.get().id()).stream().map(releases::of).toList()
                : facts.callOff(process.get().id()).map(releases::of).orElse(List.of());
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /** The releases of the keys, in their order; a key whose step publishes nothing (e.g. a draft cancelled) gives none. */
    private List<Map<String, Object>> build(List<ReleaseKey> keys) {
        Map<String, Map<String, Map<String, Object>>> byCallOff = new HashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReleaseKey k : keys) {
            if (k.kind() == Ocid.Kind.FRAMEWORK) {
                facts.framework(k.id(), (int) k.seq()).map(releases::of).ifPresent(out::add);
                continue;
            }
            Map<String, Map<String, Object>> ofCallOff = byCallOff.computeIfAbsent(k.id(), id -> {
                Map<String, Map<String, Object>> byId = new HashMap<>();
                facts.callOff(id).map(releases::of).orElse(List.of()).forEach(r -> byId.put((String) r.get("id"), r));
                return byId;
            });
            Map<String, Object> r = ofCallOff.get(releases.ocid().callOff(k.id()) + "-" + k.seq());
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }
}
