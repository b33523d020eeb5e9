package no.skymarked.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a catalogue directory in the editors' format: the demo catalogue (its frameworks are what call-offs run
 * on) plus generated suppliers and services, deterministic for a given size so runs compare.
 */
final class CatalogueGenerator {
    static final String[] CATEGORIES = {"IAAS", "PAAS", "SAAS", "CONSULTING"};
    /** Description words; each service gets three, so a word matches about one service in twenty. */
    static final String[] WORDS = {"arkiv", "sak", "skjema", "portal", "lagring", "kubernetes", "analyse", "rapport",
            "innsyn", "journal", "dokument", "signatur", "betaling", "faktura", "regnskap", "timeliste", "vakt",
            "turnus", "kart", "geodata", "helse", "skole", "barnehage", "byggesak", "eiendom", "skatt", "tilskudd",
            "innbygger", "chat", "video", "epost", "intranett", "identitet", "tilgang", "logg", "overvaking", "backup",
            "kryptering", "hvelv", "meldingsko", "integrasjon", "datadeling", "maskinlaering", "statistikk",
            "sensor", "robot", "prosess", "kurs", "opplaering", "rekruttering", "lonn", "innkjop", "kontrakt",
            "avvik", "risiko", "beredskap", "varsling", "kalender", "booking", "ventetid"};
    private static final String[] CERTS = {"ISO_27001", "ISO_27017", "ISO_27018", "ISO_27701", "ISO_9001",
            "ISO_14001", "SOC2_TYPE2", "ISAE_3402", "ISAE_3000", "C5", "CSA_STAR"};
    private static final String[] COUNTRIES = {"NO", "NO", "NO", "SE", "DK", "FI", "DE", "IE", "NL"};
    private static final String[] UNITS = {"USER_MONTH", "VCPU_HOUR", "GB_MONTH", "INSTANCE_MONTH", "FIXED_MONTH"};
    private static final int GENERATED_SUPPLIERS = 200;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CatalogueGenerator() {
    }

    private static void nameAgencies(Path dir, List<String> agencies) throws IOException {
        Path file = dir.resolve("frameworks/oslo-digitale-tjenester-2.json");
        ObjectNode framework = (ObjectNode) JSON.readTree(file.toFile());
        ArrayNode members = (ArrayNode) framework.path("eligibleGroups").get(0).path("members");
        java.util.Set<String> named = new java.util.HashSet<>();
        members.forEach(m -> named.add(m.asText()));
        agencies.stream().filter(named::add).forEach(members::add);
        write(file, framework);
    }

    static String serviceId(int i) {
        return String.format("bench-svc-%06d", i);
    }

    /**
     * Writes (or reuses) {@code <root>/catalogue-<services>}; returns its path. The benchmark's agencies are named in
     * the call-off framework's agency group, as a framework identifies the agencies that may use it.
     */
    static Path generate(Path root, Path demoCatalogue, int services, List<String> agencies) throws IOException {
        Path dir = root.resolve("catalogue-" + services);
        Path done = dir.resolve(".complete");
        if (Files.exists(done)) {
            nameAgencies(dir, agencies);
            return dir;
        }
        deleteTree(dir);
        for (String folder : List.of("suppliers", "services", "frameworks")) {
            Path from = demoCatalogue.resolve(folder);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    Path target = dir.resolve(folder).resolve(from.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
        Random random = new Random(services);
        List<String[]> suppliers = new ArrayList<>(); // slug, orgNo
        int prefix = 93_000_000;
        while (suppliers.size() < GENERATED_SUPPLIERS) {
            int check = checkDigit(prefix);
            if (check >= 0) {
                String orgNo = prefix + "" + check;
                String slug = "bench-leverandor-" + (suppliers.size() + 1);
                suppliers.add(new String[] {slug, orgNo});
                ObjectNode s = JSON.createObjectNode();
                s.put("$schema", "../../api-spec/src/main/resources/schemas/supplier.schema.json");
                s.put("orgNo", orgNo);
                s.put("name", "Benchleverandør " + (suppliers.size()) + " AS");
                ObjectNode d = s.putObject("description");
                d.put("nb", "Generert leverandør for ytelsesmåling.");
                d.put("en", "Generated supplier for benchmarking.");
                s.put("country", "NO");
                s.put("website", "https://" + slug + ".example.no");
                s.put("contactEmail", "salg@" + slug + ".example.no");
                write(dir.resolve("suppliers/" + slug + ".json"), s);
            }
            prefix += 7;
        }
        for (int i = 0; i < services; i++) {
            String[] supplier = suppliers.get(random.nextInt(suppliers.size()));
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            String w1 = WORDS[random.nextInt(WORDS.length)];
            String w2 = WORDS[random.nextInt(WORDS.length)];
            String w3 = WORDS[random.nextInt(WORDS.length)];
            ObjectNode s = JSON.createObjectNode();
            s.put("$schema", "../../../api-spec/src/main/resources/schemas/service.schema.json");
            s.put("id", serviceId(i));
            s.put("supplierOrgNo", supplier[1]);
            s.put("category", category);
            ObjectNode name = s.putObject("name");
            name.put("nb", capital(w1) + "tjeneste " + i);
            name.put("en", capital(w1) + " service " + i);
            ObjectNode description = s.putObject("description");
            description.put("nb", "Skytjeneste for " + w1 + ", " + w2 + " og " + w3 + " i offentlig sektor.");
            description.put("en", "Cloud service for " + w1 + ", " + w2 + " and " + w3 + " in the public sector.");
            s.putArray("keywords").add(w2).add("tjeneste" + (i % 97));
            ArrayNode prices = s.putArray("prices");
            ObjectNode price = prices.addObject();
            price.put("unit", UNITS[random.nextInt(UNITS.length)]);
            ObjectNode money = price.putObject("price");
            money.put("amount", (1 + random.nextInt(5000)) + "." + (10 + random.nextInt(90)));
            money.put("currency", "NOK");
            ObjectNode location = s.putObject("dataLocation");
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            location.putArray("storageCountries").add(country);
            location.putArray("processingCountries").add(country);
            ArrayNode certs = s.putArray("certifications");
            int first = random.nextInt(CERTS.length);
            certs.add(CERTS[first]);
            if (random.nextBoolean()) {
                certs.add(CERTS[(first + 1 + random.nextInt(CERTS.length - 1)) % CERTS.length]);
            }
            ObjectNode gdpr = s.putObject("gdpr");
            gdpr.put("dataProcessingAgreement", true);
            gdpr.put("transferMechanism", "NO".equals(country) ? "NONE" : "ADEQUACY");
            ObjectNode sla = s.putObject("sla");
            sla.put("availabilityPercent", random.nextBoolean() ? "99.9" : "99.95");
            sla.put("supportHours", random.nextBoolean() ? "BUSINESS_HOURS" : "ALWAYS");
            s.putArray("supportLanguages").add("nb").add("en");
            write(dir.resolve("services/" + supplier[0] + "/" + serviceId(i) + ".json"), s);
        }
        nameAgencies(dir, agencies);
        Files.writeString(done, services + "\n");
        return dir;
    }

    /** The mod-11 check digit of an organisation number's first eight digits, or -1 when none is valid. */
    static int checkDigit(int eightDigits) {
        int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
        String digits = Integer.toString(eightDigits);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }

    private static String capital(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static void write(Path file, ObjectNode node) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(node) + "\n");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
