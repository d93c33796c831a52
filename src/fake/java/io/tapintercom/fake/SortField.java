package io.tapintercom.fake;

/** The timestamps search results can be sorted by. */
enum SortField {
    UPDATED_AT("updated_at"),
    CREATED_AT("created_at");

    private final String fieldName;

    SortField(String fieldName) {
        this.fieldName = fieldName;
    }

    String fieldName() {
        return fieldName;
    }

    static SortField byName(String name) {
        for (SortField f : values()) {
            if (f.fieldName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
