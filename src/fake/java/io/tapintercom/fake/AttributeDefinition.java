package io.tapintercom.fake;

import java.util.List;

/**
 * One data attribute of a model. Standard attributes have no id and full_name == name; custom ones have an integer
 * id and full_name "custom_attributes.&lt;name&gt;". {@code sampleValues} feed generated string values.
 */
record AttributeDefinition(
        Integer id,
        String model,
        String name,
        String label,
        String description,
        String dataType,
        boolean custom,
        boolean archived,
        List<String> options,
        List<String> sampleValues) {

    String fullName() {
        return custom ? "custom_attributes." + name : name;
    }

    static AttributeDefinition standard(String model, String name, String label, String description, String dataType) {
        return new AttributeDefinition(null, model, name, label, description, dataType, false, false, null, List.of());
    }

    static AttributeDefinition custom(int id, String model, String name, String dataType, boolean archived,
            List<String> options, List<String> samples) {
        String label = name.substring(0, 1).toUpperCase() + name.substring(1).replace('_', ' ');
        return new AttributeDefinition(id, model, name, label, "Custom attribute " + label + ".", dataType, true,
                archived, options, samples);
    }
}
