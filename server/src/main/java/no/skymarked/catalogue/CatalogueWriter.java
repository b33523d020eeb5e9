package no.skymarked.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.dbclient.DbExecute;
import java.time.OffsetDateTime;
import no.skymarked.shared.Json;

/** Writes accepted catalogue documents and the columns derived from them, inside the caller's transaction. */
public final class CatalogueWriter {
    private final DbExecute tx;
    private final OffsetDateTime now;
    private final String actor;
    /** The catalogue revision this transaction makes; services whose searchable content it changes carry it. */
    private final long revision;
    /** The changes for the feed, written just before the transaction commits (public: anyone may read the catalogue). */
    private final java.util.List<no.skymarked.events.FeedEvent> changes = new java.util.ArrayList<>();

    public CatalogueWriter(DbExecute tx, OffsetDateTime now, String actor) {
        this.tx = tx;
        this.now = now;
        this.actor = actor;
        // first, so every catalogue write takes this row before any other and commits its new revision with it
        tx.createUpdate("update catalogue_revision set rev = rev + 1 where id = 1").execute();
        this.revision = tx.createGet("select rev from catalogue_revision where id = 1").execute()
                .map(r -> ((Number) r.column("rev").get()).longValue()).orElseThrow();
        no.skymarked.shared.Tx.afterCommit(tx, db -> {
            // an embedded database's searches then know of it without reading the revision (see EmbeddedRevision);
            // on a shared one, the write is answered once every server's searches are sure to see it (CommitWait)
            if (!no.skymarked.shared.EmbeddedRevision.committed(db, revision)) {
                no.skymarked.shared.CommitWait.pause();
            }
        });
    }

    /** A change for the feed: identifiers, version and status only (price lists and documents are read from the API). */
    private void changed(String collection, String kind, String id, Object... data) {
        if (changes.isEmpty()) {
            no.skymarked.shared.Tx.beforeCommit(tx, () -> no.skymarked.events.FeedWriter.append(tx, changes));
        }
        java.util.Map<String, Object> members = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < data.length; i += 2) {
            if (data[i + 1] != null) {
                members.put((String) data[i], data[i + 1]);
            }
        }
        changes.add(new no.skymarked.events.FeedEvent("no.skymarked.catalogue." + kind, "/v1/" + collection, id, now.toInstant(),
                members, no.skymarked.events.Audience.anyone()));
    }

    void insertSupplier(JsonNode supplier, String filePath) {
        tx.createInsert("insert into supplier (org_no, name, document, version, updated_at, file_path) values (?, ?, ?, 1, ?, ?)")
                .params(supplier.path("orgNo").asText(), supplier.path("name").asText(), stored(supplier), now, filePath)
                .execute();
        changed("suppliers", "supplier.created", supplier.path("orgNo").asText(), "orgNo", supplier.path("orgNo").asText(), "version", 1);
    }

    /** Replaces a supplier if it is still at {@code expectedVersion} (a null {@code filePath} keeps its file). */
    boolean updateSupplier(JsonNode supplier, String filePath, int expectedVersion) {
        String orgNo = supplier.path("orgNo").asText();
        long updated = filePath == null
                ? tx.createUpdate("update supplier set name = ?, document = ?, version = version + 1, updated_at = ?"
                        + " where org_no = ? and version = ?")
                .params(supplier.path("name").asText(), stored(supplier), now, orgNo, expectedVersion).execute()
                : tx.createUpdate("update supplier set name = ?, document = ?, version = version + 1, updated_at = ?, file_path = ?"
                        + " where org_no = ? and version = ?")
                .params(supplier.path("name").asText(), stored(supplier), now, filePath, orgNo, expectedVersion).execute();
        if (updated != 1) {
            return false;
        }
        // a supplier's name is searchable in its services: a renamed supplier is found by its new name at once
        tx.createUpdate("update service set search_rev = ? where supplier_org_no = ?").params(revision, orgNo).execute();
        changed("suppliers", "supplier.updated", orgNo, "orgNo", orgNo, "version", expectedVersion + 1);
        return true;
    }

    public void insertFramework(JsonNode framework, String filePath) {
        tx.createInsert("insert into framework (id, title_nb, status, document, version, updated_at, file_path) values (?, ?, ?, ?, 1, ?, ?)")
                .params(framework.path("id").asText(), framework.path("title").path("nb").asText(),
                        framework.path("status").asText(), stored(framework), now, filePath)
                .execute();
        frameworkVersion(framework, 1, null, java.util.List.of());
        changed("frameworks", "framework.created", framework.path("id").asText(), "frameworkId", framework.path("id").asText(),
                "version", 1, "status", framework.path("status").asText());
    }

    /**
     * Replaces a framework if it is still at {@code expectedVersion} (a null {@code filePath} keeps its file), and keeps
     * the new version with the amendment's reason and the amended terms (none for a change that amends no term).
     */
    public boolean updateFramework(JsonNode framework, String filePath, int expectedVersion, String amendmentReason,
                                   java.util.List<String> amendedTerms) {
        String id = framework.path("id").asText();
        String title = framework.path("title").path("nb").asText();
        long updated = filePath == null
                ? tx.createUpdate("update framework set title_nb = ?, status = ?, document = ?, version = version + 1, updated_at = ?"
                        + " where id = ? and version = ?")
                .params(title, framework.path("status").asText(), stored(framework), now, id, expectedVersion).execute()
                : tx.createUpdate("update framework set title_nb = ?, status = ?, document = ?, version = version + 1, updated_at = ?,"
                        + " file_path = ? where id = ? and version = ?")
                .params(title, framework.path("status").asText(), stored(framework), now, filePath, id, expectedVersion).execute();
        if (updated != 1) {
            return false;
        }
        frameworkVersion(framework, expectedVersion + 1, amendmentReason, amendedTerms);
        changed("frameworks", "framework.updated", id, "frameworkId", id, "version", expectedVersion + 1,
                "status", framework.path("status").asText(), "amendedTerms", amendedTerms.isEmpty() ? null : amendedTerms);
        return true;
    }

    private void frameworkVersion(JsonNode framework, int version, String amendmentReason, java.util.List<String> amendedTerms) {
        tx.createInsert("insert into framework_version (framework_id, version, document, recorded_at, recorded_by, amendment_reason,"
                        + " amended_terms) values (?, ?, ?, ?, ?, ?, ?)")
                .params(framework.path("id").asText(), version, stored(framework), now, actor,
                        amendedTerms.isEmpty() ? null : amendmentReason, amendedTerms.isEmpty() ? null : String.join("\n", amendedTerms))
                .execute();
    }

    void setServicePath(String id, String filePath) {
        tx.createUpdate("update service set file_path = ? where id = ?").params(filePath, id).execute();
    }

    void insertService(JsonNode service) {
        String id = service.path("id").asText();
        tx.createInsert("insert into service (id, supplier_org_no, category, status, name_nb, search_rev,"
                        + " document, version, updated_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?)")
                .params(id, service.path("supplierOrgNo").asText(), service.path("category").asText(),
                        service.path("status").asText("ACTIVE"), service.path("name").path("nb").asText(),
                        revision, stored(service), now)
                .execute();
        derived(id, service);
        version(id, 1, service);
        changed("services", "service.created", id, "serviceId", id, "supplierOrgNo", service.path("supplierOrgNo").asText(),
                "version", 1, "status", service.path("status").asText("ACTIVE"));
    }

    /** Replaces a service if it is still at {@code expectedVersion}; false when someone changed it first. */
    boolean updateService(JsonNode service, int expectedVersion) {
        String id = service.path("id").asText();
        long updated = tx.createUpdate("update service set supplier_org_no = ?, category = ?, status = ?, name_nb = ?,"
                        + " search_rev = ?, document = ?, version = version + 1, updated_at = ?"
                        + " where id = ? and version = ?")
                .params(service.path("supplierOrgNo").asText(), service.path("category").asText(),
                        service.path("status").asText("ACTIVE"), service.path("name").path("nb").asText(),
                        revision, stored(service), now, id, expectedVersion)
                .execute();
        if (updated != 1) {
            return false;
        }
        for (String table : new String[] {"service_storage_country", "service_certification", "service_framework"}) {
            tx.createDelete("delete from " + table + " where service_id = ?").params(id).execute();
        }
        derived(id, service);
        version(id, expectedVersion + 1, service);
        String status = service.path("status").asText("ACTIVE");
        changed("services", "WITHDRAWN".equals(status) ? "service.withdrawn" : "service.updated", id, "serviceId", id,
                "supplierOrgNo", service.path("supplierOrgNo").asText(), "version", expectedVersion + 1, "status", status);
        return true;
    }

    private void version(String id, int version, JsonNode service) {
        tx.createInsert("insert into service_version (service_id, version, document, changed_at, changed_by) values (?, ?, ?, ?, ?)")
                .params(id, version, stored(service), now, actor).execute();
    }

    private void derived(String id, JsonNode service) {
        for (JsonNode country : service.path("dataLocation").path("storageCountries")) {
            tx.createInsert("insert into service_storage_country (service_id, country) values (?, ?)")
                    .params(id, country.asText()).execute();
        }
        for (JsonNode certification : service.path("certifications")) {
            tx.createInsert("insert into service_certification (service_id, certification) values (?, ?)")
                    .params(id, certification.asText()).execute();
        }
        for (JsonNode ref : service.path("frameworks")) {
            tx.createInsert("insert into service_framework (service_id, framework_id, lot_id) values (?, ?, ?)")
                    .params(id, ref.path("frameworkId").asText(), ref.path("lotId").asText()).execute();
        }
    }

    /** The document as served: the editor's {@code $schema} hint is not part of the resource. */
    static String stored(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove("$schema");
        return Json.text(copy);
    }
}
