package io.tapintercom.fake;

import java.util.Set;

/** Reads the Intercom-Version header. The fake insists on it so a tap that forgets to pin a version fails loudly. */
final class ApiVersion {
    private static final Set<String> NUMBERED = Set.of("1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1", "2.2", "2.3",
            "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16");
    private static final Set<String> PREVIEW = Set.of("Preview", "@Preview", "Unstable", "@Unstable");

    private ApiVersion() {
    }

    /** @return true for Preview/Unstable, false for a numbered version */
    static boolean isPreview(String header) throws ApiException {
        if (header == null || header.isBlank()) {
            throw new ApiException(400, "intercom_version_invalid",
                    "Intercom-Version header is required by this fake server (send e.g. 2.14)");
        }
        String v = header.trim();
        if (PREVIEW.contains(v)) {
            return true;
        }
        if (NUMBERED.contains(v)) {
            return false;
        }
        throw new ApiException(400, "intercom_version_invalid", "The requested version could not be found");
    }
}
