package no.skymarked.catalogdata;

/** One catalogue file as an editor keeps it: its path relative to the catalogue root and its raw text. */
public record CatalogueFile(String path, String text) {

    /** The kind of entity the file holds, from its top-level folder. */
    public Kind kind() {
        return Kind.ofPath(path);
    }

    public enum Kind {
        SUPPLIER("suppliers/", "schemas/supplier.schema.json"),
        SERVICE("services/", "schemas/service.schema.json"),
        FRAMEWORK("frameworks/", "schemas/framework.schema.json"),
        UNKNOWN("", null);

        private final String folder;
        private final String schema;

        Kind(String folder, String schema) {
            this.folder = folder;
            this.schema = schema;
        }

        public String folder() {
            return folder;
        }

        public String schemaResource() {
            return schema;
        }

        static Kind ofPath(String path) {
            for (Kind kind : values()) {
                if (kind != UNKNOWN && path.startsWith(kind.folder) && path.endsWith(".json")) {
                    return kind;
                }
            }
            return UNKNOWN;
        }
    }
}
