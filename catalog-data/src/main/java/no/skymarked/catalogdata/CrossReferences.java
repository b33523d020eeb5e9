package no.skymarked.catalogdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks that span files or that a JSON Schema cannot express. */
final class CrossReferences {
    private final Map<String, CatalogueValidator.Entry> suppliers;
    private final Map<String, CatalogueValidator.Entry> services;
    private final Map<String, CatalogueValidator.Entry> frameworks;
    private final List<CatalogueProblem> problems;
    private final List<CatalogueProblem> warnings = new ArrayList<>();
    /** frameworkId -> lotId -> supplier orgNos in that lot. */
    private final Map<String, Map<String, Set<String>>> lotSuppliers = new HashMap<>();

    CrossReferences(Map<String, CatalogueValidator.Entry> suppliers, Map<String, CatalogueValidator.Entry> services,
                    Map<String, CatalogueValidator.Entry> frameworks, List<CatalogueProblem> problems) {
        this.suppliers = suppliers;
        this.services = services;
        this.frameworks = frameworks;
        this.problems = problems;
    }

    /** Not blocking: e.g. an option exercised after its notice deadline (E39). */
    List<CatalogueProblem> warnings() {
        return warnings;
    }

    void check() {
        suppliers.values().forEach(e -> orgNo(e, "/orgNo", e.node().path("orgNo").asText()));
        frameworks.values().forEach(this::framework);
        services.values().forEach(this::service);
    }

    private void service(CatalogueValidator.Entry e) {
        JsonNode s = e.node();
        String id = s.path("id").asText();
        String expectedName = id + ".json";
        if (!e.file().endsWith("/" + expectedName)) {
            problem(e, "/id", "service id '" + id + "' must match the file name (" + expectedName + ")");
        }
        String supplierOrgNo = s.path("supplierOrgNo").asText();
        if (orgNo(e, "/supplierOrgNo", supplierOrgNo)) {
            CatalogueValidator.Entry supplier = suppliers.get(supplierOrgNo);
            if (supplier == null) {
                problem(e, "/supplierOrgNo", "unknown supplier " + supplierOrgNo + ": no file in suppliers/ has this orgNo");
            } else {
                String folder = "services/" + baseName(supplier.file()) + "/";
                if (!e.file().startsWith(folder)) {
                    problem(e, "/supplierOrgNo", "a service of supplier " + supplierOrgNo + " belongs in " + folder);
                }
            }
        }
        JsonNode prices = s.path("prices");
        for (int i = 0; i < prices.size(); i++) {
            positive(e, "/prices/" + i + "/price/amount", prices.get(i).path("price").path("amount").asText());
            if ("HOUR".equals(prices.get(i).path("unit").asText()) && !prices.get(i).has("role")) {
                problem(e, "/prices/" + i + "/role", "an HOUR price needs the consultant role it is for");
            }
        }
        JsonNode refs = s.path("frameworks");
        for (int i = 0; i < refs.size(); i++) {
            String frameworkId = refs.get(i).path("frameworkId").asText();
            String lotId = refs.get(i).path("lotId").asText();
            Map<String, Set<String>> lots = lotSuppliers.get(frameworkId);
            if (lots == null) {
                problem(e, "/frameworks/" + i + "/frameworkId", "unknown framework '" + frameworkId + "'");
            } else if (!lots.containsKey(lotId)) {
                problem(e, "/frameworks/" + i + "/lotId", "framework '" + frameworkId + "' has no lot '" + lotId + "'");
            } else if (!lots.get(lotId).contains(supplierOrgNo)) {
                problem(e, "/frameworks/" + i + "/lotId", "supplier " + supplierOrgNo
                        + " is not a party to lot '" + lotId + "' of framework '" + frameworkId + "'");
            }
        }
    }

    /**
     * Who may use the framework (FOA § 26-1(3)): listed agencies and named groups, valid organisation numbers; an
     * active framework must name somebody; a late-accession clause may only name agencies and groups it identifies.
     */
    private void eligibility(CatalogueValidator.Entry e, JsonNode f) {
        Set<String> identified = new HashSet<>();
        for (int i = 0; i < f.path("eligibleAgencies").size(); i++) {
            String orgNo = f.path("eligibleAgencies").get(i).asText();
            if (orgNo(e, "/eligibleAgencies/" + i, orgNo)) {
                identified.add(orgNo);
            }
        }
        Set<String> groups = new HashSet<>();
        for (int g = 0; g < f.path("eligibleGroups").size(); g++) {
            JsonNode group = f.path("eligibleGroups").get(g);
            if (!groups.add(group.path("id").asText())) {
                problem(e, "/eligibleGroups/" + g + "/id", "duplicate group id '" + group.path("id").asText() + "'");
            }
            for (int m = 0; m < group.path("members").size(); m++) {
                String orgNo = group.path("members").get(m).asText();
                if (orgNo(e, "/eligibleGroups/" + g + "/members/" + m, orgNo)) {
                    identified.add(orgNo);
                }
            }
        }
        if (identified.isEmpty() && "ACTIVE".equals(f.path("status").asText())) {
            problem(e, "/eligibleAgencies", "an active framework must name the agencies that may use it (FOA § 26-1(3)):"
                    + " list them in eligibleAgencies or eligibleGroups");
        }
        JsonNode late = f.path("lateAccession");
        for (int i = 0; i < late.path("agencies").size(); i++) {
            String orgNo = late.path("agencies").get(i).asText();
            if (orgNo(e, "/lateAccession/agencies/" + i, orgNo) && !identified.contains(orgNo)) {
                problem(e, "/lateAccession/agencies/" + i, "agency " + orgNo + " is not identified by the framework"
                        + " (eligibleAgencies or eligibleGroups), so no clause can let it accede");
            }
        }
        for (int i = 0; i < late.path("groups").size(); i++) {
            if (!groups.contains(late.path("groups").get(i).asText())) {
                problem(e, "/lateAccession/groups/" + i, "no eligible group '" + late.path("groups").get(i).asText() + "'");
            }
        }
    }

    private void framework(CatalogueValidator.Entry e) {
        JsonNode f = e.node();
        orgNo(e, "/owner/orgNo", f.path("owner").path("orgNo").asText());
        eligibility(e, f);
        if (positive(e, "/estimatedValue/amount", f.path("estimatedValue").path("amount").asText())
                && positive(e, "/maxValue/amount", f.path("maxValue").path("amount").asText())
                && new BigDecimal(f.path("maxValue").path("amount").asText())
                .compareTo(new BigDecimal(f.path("estimatedValue").path("amount").asText())) < 0) {
            problem(e, "/maxValue/amount", "maximum value is below the estimated value");
        }
        if (new BigDecimal(f.path("thresholdHours").asText()).signum() <= 0) {
            problem(e, "/thresholdHours", "threshold hours must be positive");
        }
        new FrameworkChecks(new FrameworkChecks.Report() {
            @Override
            public void problem(String pointer, String detail) {
                CrossReferences.this.problem(e, pointer, detail);
            }

            @Override
            public void warning(String pointer, String detail) {
                warnings.add(new CatalogueProblem(e.file(), pointer, detail));
            }
        }).check(f);
        Set<String> roles = new HashSet<>();
        for (int i = 0; i < f.path("roles").size(); i++) {
            if (!roles.add(f.path("roles").get(i).path("id").asText())) {
                problem(e, "/roles/" + i + "/id", "duplicate role id");
            }
        }
        JsonNode criteria = f.path("awardCriteria");
        Set<String> criterionIds = new HashSet<>();
        BigDecimal minimums = BigDecimal.ZERO;
        for (int i = 0; i < criteria.size(); i++) {
            BigDecimal min = new BigDecimal(criteria.get(i).path("minWeight").asText());
            BigDecimal max = new BigDecimal(criteria.get(i).path("maxWeight").asText());
            if (min.compareTo(max) > 0) {
                problem(e, "/awardCriteria/" + i + "/minWeight", "minimum weight is above the maximum weight");
            }
            if (!criterionIds.add(criteria.get(i).path("id").asText())) {
                problem(e, "/awardCriteria/" + i + "/id", "duplicate award criterion id '" + criteria.get(i).path("id").asText() + "'");
            }
            minimums = minimums.add(min);
        }
        if (minimums.compareTo(BigDecimal.ONE) > 0) {
            problem(e, "/awardCriteria", "the minimum weights sum to " + minimums.toPlainString()
                    + ", more than 1: no mini-competition could weight every criterion inside its range");
        }
        Map<String, Set<String>> lots = new HashMap<>();
        JsonNode lotNodes = f.path("lots");
        for (int l = 0; l < lotNodes.size(); l++) {
            JsonNode lot = lotNodes.get(l);
            String lotPointer = "/lots/" + l;
            Set<String> orgNos = new HashSet<>();
            if (lots.putIfAbsent(lot.path("id").asText(), orgNos) != null) {
                problem(e, lotPointer + "/id", "duplicate lot id '" + lot.path("id").asText() + "'");
            }
            Set<Integer> ranks = new HashSet<>();
            JsonNode members = lot.path("suppliers");
            for (int m = 0; m < members.size(); m++) {
                JsonNode member = members.get(m);
                String pointer = lotPointer + "/suppliers/" + m;
                String orgNo = member.path("orgNo").asText();
                if (orgNo(e, pointer + "/orgNo", orgNo) && !suppliers.containsKey(orgNo)) {
                    problem(e, pointer + "/orgNo", "unknown supplier " + orgNo + ": no file in suppliers/ has this orgNo");
                }
                if (!orgNos.add(orgNo)) {
                    problem(e, pointer + "/orgNo", "supplier " + orgNo + " appears twice in the lot");
                }
                if (!ranks.add(member.path("rank").asInt())) {
                    problem(e, pointer + "/rank", "duplicate rank " + member.path("rank").asInt() + " in the lot");
                }
                JsonNode rates = member.path("rates");
                Set<String> pricedRoles = new HashSet<>();
                for (int r = 0; r < rates.size(); r++) {
                    String roleId = rates.get(r).path("roleId").asText();
                    if (!pricedRoles.add(roleId)) {
                        problem(e, pointer + "/rates/" + r + "/roleId", "role '" + roleId + "' has two rates for this supplier");
                    }
                    if (!roles.contains(roleId)) {
                        problem(e, pointer + "/rates/" + r + "/roleId", "role '" + roleId + "' is not among the framework's roles");
                    }
                    positive(e, pointer + "/rates/" + r + "/hourlyRate/amount",
                            rates.get(r).path("hourlyRate").path("amount").asText());
                }
            }
            for (int rank = 1; rank <= members.size(); rank++) {
                if (!ranks.contains(rank)) {
                    problem(e, lotPointer + "/suppliers", "ranks must run 1.." + members.size() + " without gaps (one per supplier);"
                            + " rank " + rank + " is missing");
                    break;
                }
            }
        }
        lotSuppliers.put(f.path("id").asText(), lots);
    }

    private boolean orgNo(CatalogueValidator.Entry e, String pointer, String value) {
        if (!OrganisationNumber.isValid(value)) {
            problem(e, pointer, "'" + value + "' is not a valid organisation number (mod-11 check digit)");
            return false;
        }
        return true;
    }

    private boolean positive(CatalogueValidator.Entry e, String pointer, String amount) {
        if (new BigDecimal(amount).signum() <= 0) {
            problem(e, pointer, "amount must be greater than zero");
            return false;
        }
        return true;
    }

    private void problem(CatalogueValidator.Entry e, String pointer, String detail) {
        problems.add(new CatalogueProblem(e.file(), pointer, detail));
    }

    private static String baseName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}
