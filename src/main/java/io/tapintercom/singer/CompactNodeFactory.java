package io.tapintercom.singer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Jackson's node factory with objects whose fields are held in a {@link FieldMap}: the same trees, in a third
 * less memory and with less to allocate per field. Decimals stay exact, as Intercom sent them.
 */
final class CompactNodeFactory extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;
    static final CompactNodeFactory INSTANCE = new CompactNodeFactory();

    private CompactNodeFactory() {
        super(true);
    }

    @Override
    public ObjectNode objectNode() {
        return new ObjectNode(this, new FieldMap());
    }
}
