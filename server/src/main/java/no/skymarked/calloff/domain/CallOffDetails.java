package no.skymarked.calloff.domain;

import java.util.List;

/**
 * What the buyer asked for and why it was routed as it was: the need, the estimate lines as given (in hours after
 * conversion), the requested route, any exception claimed, the reasons, the warnings kept in the protocol, the
 * agency's project reference and the justification of a call-off the splitting check let through (E7).
 */
public record CallOffDetails(String title, String needDescription, List<EstimateLine> lines, Route requestedRoute,
                             RouteException exception, String miniCompetitionReason, String buyerReference,
                             String routeReason, String accessionId, List<String> flags, List<ServiceVersion> serviceVersions,
                             String projectReference, SplittingJustification splitting) {
    public CallOffDetails {
        lines = List.copyOf(lines);
        flags = List.copyOf(flags);
        serviceVersions = List.copyOf(serviceVersions);
    }

    /** The need as the splitting check compares it. */
    public CallOffNeed need() {
        return new CallOffNeed(projectReference, title, needDescription);
    }

    public CallOffEstimate estimate() {
        return new CallOffEstimate(lines.stream().map(l -> new RoleHours(l.roleId(), l.hours())).toList());
    }
}
