package no.skymarked.calloff.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import no.skymarked.MutableClock;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.DirectCallOff;
import no.skymarked.calloff.domain.FrameworkTerms;
import no.skymarked.calloff.domain.Offer;
import no.skymarked.calloff.domain.ProtocolChain;
import no.skymarked.calloff.domain.ProtocolEvent;
import no.skymarked.calloff.domain.Route;
import no.skymarked.calloff.domain.Sealing;
import no.skymarked.calloff.domain.WorkingDayCalendar;

/** Every port of the call-off use cases in memory: no HTTP, no database, a clock the test moves. */
final class InMemoryPorts {
    final MutableClock clock;
    final Map<String, FrameworkTerms> frameworks = new HashMap<>();
    /** Every framework version read so far, as the catalogue keeps every version. */
    private final Map<String, FrameworkTerms> versions = new HashMap<>();
    final Set<String> accessions = new HashSet<>();
    final Map<String, CallOff.State> callOffs = new HashMap<>();
    final Map<String, List<OfferRecord>> offers = new HashMap<>();
    final Map<String, List<Party>> parties = new HashMap<>();
    final Map<String, Map<String, SealedTender>> tenders = new HashMap<>();
    final Map<String, List<Receipt>> receipts = new HashMap<>();
    final Map<String, List<ProtocolEntry>> protocol = new HashMap<>();
    private final Map<String, List<ProtocolEvent>> chains = new HashMap<>();
    final Map<String, StoredResponses.Stored> responses = new HashMap<>();
    final Map<String, BigDecimal> committed = new HashMap<>();
    final Map<String, TenderContent> sealed = new HashMap<>();

    InMemoryPorts(Instant now) {
        this.clock = new MutableClock(now);
    }

    Ports ports() {
        return new Ports(new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        }, new CallOffs(), new Competitions(), new Protocol(), new Responses(), new Ledger(), new Catalogue(), this::accession, new Seal(), clock);
    }

    /** The protocol event types of a call-off, in order. */
    List<String> types(String callOffId) {
        return protocol.getOrDefault(callOffId, List.of()).stream().map(ProtocolEntry::type).toList();
    }

    private Optional<String> accession(String frameworkId, String orgNo, String lotId, LocalDate day) {
        return accessions.contains(frameworkId + "/" + orgNo + "/" + lotId) ? Optional.of("acc-" + orgNo) : Optional.empty();
    }

    private final class CallOffs implements CallOffRepository {
        @Override
        public Optional<CallOff> find(String id) {
            return Optional.ofNullable(callOffs.get(id)).map(CallOff::new);
        }

        @Override
        public Optional<CallOff> lock(String id) {
            return find(id);
        }

        @Override
        public void insert(CallOff c) {
            callOffs.put(c.id(), c.state());
        }

        @Override
        public boolean update(CallOff c) {
            CallOff.State stored = callOffs.get(c.id());
            if (stored == null || stored.version() != c.version()) {
                return false;
            }
            CallOff.State s = c.state();
            callOffs.put(c.id(), new CallOff.State(s.id(), s.buyerOrgNo(), s.frameworkId(), s.lotId(), s.frameworkVersion(), s.details(), s.estimatedValue(),
                    s.route(), s.createdAt(), s.version() + 1, s.status(), s.awardedOrgNo(), s.agreedValue(), s.competition(),
                    s.cancellation(), s.unsuccessful(), s.contract()));
            committed.merge(c.frameworkId(), c.committedChange(), BigDecimal::add);
            return true;
        }

        @Override
        public List<CallOff> list(String buyerOrgNo, String supplierOrgNo, int limit, int offset) {
            return callOffs.values().stream().map(CallOff::new).filter(c -> buyerOrgNo == null || c.buyerOrgNo().equals(buyerOrgNo))
                    .sorted(Comparator.comparing(CallOff::createdAt).reversed()).skip(offset).limit(limit).toList();
        }

        @Override
        public List<String> withLapsedOffers(Instant now) {
            return offers.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(o -> o.offer().expiredAt(now)))
                    .map(Map.Entry::getKey).toList();
        }

        @Override
        public List<String> withPassedTenderDeadlines(Instant now) {
            return callOffs.values().stream().map(CallOff::new).filter(c -> c.tenderDeadline().filter(d -> !now.isBefore(d)).isPresent())
                    .map(CallOff::id).toList();
        }

        @Override
        public List<DirectCallOff> directCallOffs(String buyerOrgNo, String frameworkId, Instant since) {
            return callOffs.values().stream().map(CallOff::new).filter(c -> c.route() == Route.DIRECT_AWARD && !c.createdAt().isBefore(since)
                            && c.buyerOrgNo().equals(buyerOrgNo) && c.frameworkId().equals(frameworkId))
                    .map(c -> new DirectCallOff(c.id(), buyerOrgNo, frameworkId, c.lotId(),
                            c.createdAt().atZone(WorkingDayCalendar.OSLO).toLocalDate(), c.totalHours(), c.status(), c.details().need()))
                    .toList();
        }

        @Override
        public List<OfferRecord> offers(String callOffId) {
            return List.copyOf(offers.getOrDefault(callOffId, List.of()));
        }

        @Override
        public void saveOffers(String callOffId, List<Offer> given, List<OfferRecord> before, Instant now, Map<String, String> reasons) {
            List<OfferRecord> out = new ArrayList<>();
            for (Offer o : given) {
                OfferRecord old = before.stream().filter(b -> b.offer().id().equals(o.id())).findFirst().orElse(null);
                out.add(old != null && old.offer().outcome() == o.outcome() ? old
                        : new OfferRecord(o, old == null ? null : now, reasons.get(o.id())));
            }
            offers.put(callOffId, out);
        }
    }

    private final class Competitions implements CompetitionRepository {
        @Override
        public List<Party> parties(String callOffId) {
            return List.copyOf(parties.getOrDefault(callOffId, List.of()));
        }

        @Override
        public void insertParty(String callOffId, Party party) {
            parties.computeIfAbsent(callOffId, k -> new ArrayList<>()).add(party);
        }

        @Override
        public List<SealedTender> tenders(String callOffId) {
            return List.copyOf(tenders.getOrDefault(callOffId, Map.of()).values());
        }

        @Override
        public Optional<SealedTender> tender(String callOffId, String orgNo) {
            return Optional.ofNullable(tenders.getOrDefault(callOffId, Map.of()).get(orgNo));
        }

        @Override
        public void saveTender(String callOffId, SealedTender tender, boolean exists) {
            tenders.computeIfAbsent(callOffId, k -> new java.util.TreeMap<>()).put(tender.orgNo(), tender);
        }

        @Override
        public void receipt(String callOffId, SealedTender t, String action) {
            receipts.computeIfAbsent(callOffId, k -> new ArrayList<>())
                    .add(new Receipt(t.tenderRef(), t.orgNo(), action, t.version(), t.submittedAt(), t.sealedSha256()));
        }

        @Override
        public List<Receipt> receipts(String callOffId) {
            return List.copyOf(receipts.getOrDefault(callOffId, List.of()));
        }
    }

    private final class Protocol implements ProtocolLog {
        @Override
        public void append(no.skymarked.calloff.domain.CallOff callOff, List<ProtocolEntry> entries) {
            protocol.computeIfAbsent(callOff.id(), k -> new ArrayList<>()).addAll(entries);
            List<ProtocolEvent> chain = chains.computeIfAbsent(callOff.id(), k -> new ArrayList<>());
            for (ProtocolEntry e : entries) {
                ProtocolEvent last = chain.isEmpty() ? null : chain.getLast();
                chain.add(ProtocolChain.next(callOff.id(), no.skymarked.calloff.domain.ChainFormat.BOUND,
                        last == null ? null : new no.skymarked.calloff.domain.ChainHead(last.seq(), last.hash()), e.at(), e.actor(), e.type(),
                        String.valueOf(e.payload()), no.skymarked.calloff.domain.ChainState.of(callOff)));
            }
        }

        @Override
        public void start(no.skymarked.calloff.domain.CallOff callOff, List<ProtocolEntry> entries) {
            if (protocol.containsKey(callOff.id())) {
                throw new IllegalStateException("call-off " + callOff.id() + " has events already");
            }
            append(callOff, entries);
        }

        @Override
        public List<ProtocolEvent> events(String callOffId) {
            return List.copyOf(chains.getOrDefault(callOffId, List.of()));
        }

        @Override
        public no.skymarked.calloff.domain.ChainRecord chain(String callOffId) {
            List<ProtocolEvent> events = events(callOffId);
            return new no.skymarked.calloff.domain.ChainRecord(callOffId, no.skymarked.calloff.domain.ChainFormat.BOUND, events,
                    events.isEmpty() ? null : new no.skymarked.calloff.domain.ChainHead(events.getLast().seq(), events.getLast().hash()), null);
        }
    }

    private final class Responses implements StoredResponses {
        @Override
        public Optional<Stored> find(String orgNo, String key) {
            return Optional.ofNullable(responses.get(orgNo + "/" + key));
        }

        @Override
        public void remember(String orgNo, String key, String requestHash, int status, String body, Instant at) {
            responses.put(orgNo + "/" + key, new Stored(requestHash, status, body));
        }
    }

    private final class Ledger implements ValueLedger {
        @Override
        public Optional<BigDecimal> reserve(String frameworkId, String callOffId, BigDecimal amount, BigDecimal maxValue) {
            BigDecimal now = committed.getOrDefault(frameworkId, BigDecimal.ZERO);
            if (now.add(amount).compareTo(maxValue) > 0) {
                return Optional.of(now);
            }
            committed.put(frameworkId, now.add(amount));
            return Optional.empty();
        }
    }

    private final class Catalogue implements FrameworkCatalogue {
        @Override
        public Optional<FrameworkTerms> terms(String frameworkId) {
            FrameworkTerms now = frameworks.get(frameworkId);
            if (now != null) {
                versions.put(frameworkId + "@" + now.version(), now);
            }
            return Optional.ofNullable(now);
        }

        @Override
        public Optional<FrameworkTerms> terms(String frameworkId, int version) {
            terms(frameworkId);
            return Optional.ofNullable(versions.get(frameworkId + "@" + version));
        }

        @Override
        public boolean serviceVersionExists(String serviceId, int version) {
            return version == 1;
        }

        @Override
        public String supplierName(String orgNo) {
            return "Supplier " + orgNo;
        }
    }

    private final class Seal implements TenderSeal {
        @Override
        public void createKey(String callOffId, Instant now) {
        }

        @Override
        public SealedTender.Sealed seal(String callOffId, String boundTo, TenderContent content, Instant now) {
            String id = "sealed-" + sealed.size();
            sealed.put(id + "|" + boundTo, content);
            return new SealedTender.Sealed(id, "iv", "ciphertext-" + id);
        }

        @Override
        public Opener opener(String callOffId, Instant deadline, Instant now, java.util.function.Consumer<String> unwrapped) {
            if (!Sealing.opened(deadline, now)) {
                throw Refusal.conflict("/problems/tenders-sealed", "Tenders sealed", "sealed until " + deadline);
            }
            return (s, boundTo) -> sealed.get(s.wrappedKey() + "|" + boundTo);
        }

        @Override
        public String receiptHash(SealedTender.Sealed s) {
            return "sha-" + s.ciphertext();
        }
    }
}
