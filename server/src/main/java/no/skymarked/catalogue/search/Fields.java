package no.skymarked.catalogue.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/** The index's fields and how a service document fills them. */
final class Fields {
    static final String ID = "id";
    static final String STATUS = "status";
    static final String NAME_SORT = "name_sort";
    static final String NAME_NO = "name_no";
    static final String NAME_EN = "name_en";
    static final String DESCRIPTION_NO = "description_no";
    static final String DESCRIPTION_EN = "description_en";
    static final String KEYWORDS = "keywords";
    static final String SUPPLIER_NAME = "supplier_name";
    static final String NAME_PREFIX = "name_prefix";
    static final String TEXT_PREFIX = "text_prefix";
    /** Starts of the supplier name's words, without compound parts. */
    static final String SUPPLIER_PREFIX = "supplier_prefix";

    /** The facets, in the order the API lists them. */
    static final List<String> FACETS = List.of("category", "supplier", "dataLocation", "certification", "framework", "priceBand");

    private Fields() {
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : List.of("dataLocation", "certification", "framework")) {
            config.setMultiValued(dim, true);
        }
        for (String dim : FACETS) {
            // a search drills down on a value, never on a whole dimension; each facet's values in a field of its own,
            // so counting one facet reads only its values
            config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.FULL_PATH_ONLY);
            config.setIndexFieldName(dim, "$facet_" + dim);
        }
        return config;
    }

    private static final ThreadLocal<Collator> NORWEGIAN_ORDER = ThreadLocal.withInitial(() -> {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("nb-NO"));
        collator.setStrength(Collator.TERTIARY);
        return collator;
    });
    /** Ranked text: frequencies and lengths for BM25, no positions (no phrase queries). */
    private static final FieldType RANKED = textType(false, false);
    private static final FieldType RANKED_STORED = textType(true, false);
    /** Matching aids (starts of words and of compound parts): frequencies, no lengths. */
    private static final FieldType AID = textType(false, true);

    private static FieldType textType(boolean stored, boolean omitNorms) {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(stored);
        t.setOmitNorms(omitNorms);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        t.freeze();
        return t;
    }

    /** Sort keys that order names as Norwegian does (… x y z æ ø å), then by id. */
    static BytesRef sortKey(String name) {
        return new BytesRef(NORWEGIAN_ORDER.get().getCollationKey(name == null ? "" : name).toByteArray());
    }

    /** The Lucene document of one service (its JSON is kept beside the index and served as it is). */
    static Document of(JsonNode service, String supplierName, FacetsConfig config) throws java.io.IOException {
        Document doc = new Document();
        String id = service.path("id").asText();
        doc.add(new StringField(ID, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
        doc.add(new StringField(STATUS, service.path("status").asText("ACTIVE"), Field.Store.NO));
        doc.add(new SortedDocValuesField(NAME_SORT, sortKey(service.path("name").path("nb").asText())));
        List<String> namesNo = texts(service.path("name"), "nb", "nn");
        List<String> descriptionsNo = texts(service.path("description"), "nb", "nn");
        List<String> keywords = new ArrayList<>();
        service.path("keywords").forEach(k -> keywords.add(k.asText()));
        List<String> descriptionsEn = texts(service.path("description"), "en");
        for (String v : namesNo) {
            doc.add(new Field(NAME_NO, v, RANKED_STORED));
            doc.add(new Field(NAME_PREFIX, v, AID));
        }
        for (String v : texts(service.path("name"), "en")) {
            doc.add(new Field(NAME_EN, v, RANKED_STORED));
        }
        for (String v : descriptionsNo) {
            doc.add(new Field(DESCRIPTION_NO, v, RANKED_STORED));
        }
        for (String v : descriptionsEn) {
            doc.add(new Field(DESCRIPTION_EN, v, RANKED_STORED));
        }
        for (String v : keywords) {
            doc.add(new Field(KEYWORDS, v, RANKED));
        }
        if (supplierName != null) {
            doc.add(new Field(SUPPLIER_NAME, supplierName, RANKED));
        }
        // starts of words and of their compound parts in the Norwegian text (English words are found whole, by their
        // stems), and starts of the supplier name's words, not of its parts ("Arkivhuset" sells more than archives)
        List<String> text = new ArrayList<>(descriptionsNo);
        text.addAll(keywords);
        for (String v : text) {
            doc.add(new Field(TEXT_PREFIX, v, AID));
        }
        if (supplierName != null) {
            doc.add(new Field(SUPPLIER_PREFIX, supplierName, AID));
        }
        doc.add(new SortedSetDocValuesFacetField("category", service.path("category").asText()));
        doc.add(new SortedSetDocValuesFacetField("supplier", service.path("supplierOrgNo").asText()));
        for (String country : distinct(service.path("dataLocation").path("storageCountries"), null)) {
            doc.add(new SortedSetDocValuesFacetField("dataLocation", country));
        }
        for (String certification : distinct(service.path("certifications"), null)) {
            doc.add(new SortedSetDocValuesFacetField("certification", certification));
        }
        for (String framework : distinct(service.path("frameworks"), "frameworkId")) {
            doc.add(new SortedSetDocValuesFacetField("framework", framework));
        }
        PriceBand band = PriceBand.of(lowestPrice(service));
        if (band != null) {
            doc.add(new SortedSetDocValuesFacetField("priceBand", band.key()));
        }
        return config.build(doc);
    }

    private static List<String> texts(JsonNode localized, String... languages) {
        List<String> out = new ArrayList<>();
        for (String language : languages) {
            JsonNode v = localized.get(language);
            if (v != null && !v.asText().isBlank()) {
                out.add(v.asText());
            }
        }
        return out;
    }

    private static List<String> distinct(JsonNode array, String member) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) {
            String value = member == null ? v.asText() : v.path(member).asText();
            if (!value.isEmpty() && !out.contains(value)) {
                out.add(value);
            }
        }
        return out;
    }

    /** The lowest NOK amount among the service's prices (whatever their units), or null when it lists none in NOK. */
    static BigDecimal lowestPrice(JsonNode service) {
        BigDecimal lowest = null;
        for (JsonNode price : service.path("prices")) {
            if (!"NOK".equals(price.path("price").path("currency").asText())) {
                continue;  // bands are in NOK; a price in another currency is not converted here
            }
            String amount = price.path("price").path("amount").asText("");
            try {
                BigDecimal a = new BigDecimal(amount);
                lowest = lowest == null || a.compareTo(lowest) < 0 ? a : lowest;
            } catch (NumberFormatException e) {
                // the schema allows only decimal strings; a document that has something else has no band
            }
        }
        return lowest;
    }
}
