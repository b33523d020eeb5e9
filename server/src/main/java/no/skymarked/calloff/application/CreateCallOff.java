package no.skymarked.calloff.application;

import java.util.List;
import no.skymarked.calloff.domain.EstimateLine;
import no.skymarked.calloff.domain.Route;
import no.skymarked.calloff.domain.RouteException;
import no.skymarked.calloff.domain.ServiceVersion;
import no.skymarked.calloff.domain.SplittingJustification;

/**
 * The command to call off: a spec-valid request (lines in hours or days; route, exception and reason optional; the
 * project reference and the splitting justification optional, the latter required when the splitting check asks).
 */
public record CreateCallOff(String frameworkId, String lotId, String title, String needDescription, List<EstimateLine> lines,
                            Route requestedRoute, RouteException exception, String miniCompetitionReason, String buyerReference,
                            List<ServiceVersion> serviceVersions, String projectReference, SplittingJustification splitting,
                            Idempotency idempotency) {
    public CreateCallOff {
        lines = List.copyOf(lines);
        serviceVersions = List.copyOf(serviceVersions);
    }
}
