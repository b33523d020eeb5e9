package no.skymarked.calloff.domain;

import java.util.List;

/**
 * What the buyer asked for and why it was routed as it was: the need, the estimate lines as given (in hours after
 * conversion), the requested route, any exception claimed, the reasons, and the warnings kept in the protocol.
 */
public record CallOffDetails(String title, String needDescription, List<EstimateLine> lines, Route requestedRoute,
                             RouteException exception, String miniCompetitionReason, String buyerReference,
                             String routeReason, String accessionId, List<String> flags, List<ServiceVersion> serviceVersions) {
    public CallOffDetails {
        lines = List.copyOf(lines);
        flags = List.copyOf(flags);
        serviceVersions = List.copyOf(serviceVersions);
    }

    public CallOffEstimate estimate() {
        return new CallOffEstimate(lines.stream().map(l -> new RoleHours(l.roleId(), l.hours())).toList());
    }
}
