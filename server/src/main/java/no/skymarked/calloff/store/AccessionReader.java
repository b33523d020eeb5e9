package no.skymarked.calloff.store;

import java.time.LocalDate;
import java.util.Optional;
import no.skymarked.calloff.application.Accessions;
import no.skymarked.framework.AccessionRepository;

/** Accessions from the framework feature's repository. */
public final class AccessionReader implements Accessions {
    private final AccessionRepository accessions;

    public AccessionReader(AccessionRepository accessions) {
        this.accessions = accessions;
    }

    @Override
    public Optional<String> validAccession(String frameworkId, String agencyOrgNo, String lotId, LocalDate day) {
        return accessions.find(frameworkId, agencyOrgNo)
                .filter(a -> a.lots().contains(lotId))
                .filter(a -> !day.isBefore(a.validFrom()) && (a.validTo() == null || !day.isAfter(a.validTo())))
                .map(AccessionRepository.Accession::id);
    }
}
