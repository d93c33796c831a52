package io.tapintercom.cli;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.tapintercom.config.TapConfig;
import io.tapintercom.discover.CustomAttributeTypes;
import io.tapintercom.discover.Discoverer;
import io.tapintercom.discover.SchemaLibrary;
import io.tapintercom.intercom.IntercomApiException;
import io.tapintercom.singer.Json;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.catalog.Catalog;
import io.tapintercom.streams.Streams;
import java.io.IOException;
import java.io.UncheckedIOException;

/** --discover: the catalog as one JSON document on stdout. */
final class DiscoverCommand {
    private final TapEnvironment env;
    private final Logger log;

    DiscoverCommand(TapEnvironment env, Logger log) {
        this.env = env;
        this.log = log;
    }

    int run(TapConfig config) {
        Catalog catalog = discover(config, env, log);
        try {
            env.stdout().write(Json.MAPPER.writer(new DefaultPrettyPrinter()).writeValueAsBytes(catalog.toJson()));
            env.stdout().write('\n');
            env.stdout().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the catalog to stdout", e);
        }
        return TapIntercom.OK;
    }

    /** The catalog, with custom attributes typed when the workspace can be reached. */
    static Catalog discover(TapConfig config, TapEnvironment env, Logger log) {
        Discoverer discoverer = new Discoverer(Streams.intercom(config.searchPageSize(), config.fetchContactDetails()), new SchemaLibrary());
        return discoverer.discover(config.typeCustomAttributes() ? customAttributes(config, env, log) : null);
    }

    /**
     * Typed custom attributes, or null (open objects) when the data-attributes endpoint alone is out of reach:
     * a 403 or 404 on it, for a token without that permission. Anything else (a rejected token, an unknown API
     * version, a host that cannot be reached) fails discovery with the line a sync would give: Meltano
     * discovers before every sync, and a catalog typed from nothing would be cached and hide the fault.
     */
    private static CustomAttributeTypes customAttributes(TapConfig config, TapEnvironment env, Logger log) {
        try {
            CustomAttributeTypes types = CustomAttributeTypes.read(Wiring.discoveryClient(config, env, log));
            log.info("typed %d custom attributes from the workspace's data attributes", types.count());
            return types;
        } catch (IntercomApiException e) {
            if (!onlyDataAttributesUnavailable(e)) {
                throw e;
            }
            log.warn("custom_attributes are left as open objects: the workspace's data attributes could not be read (%s)",
                    e.getMessage());
            return null;
        }
    }

    private static boolean onlyDataAttributesUnavailable(IntercomApiException e) {
        // api_plan_restricted is the workspace's plan refusing the whole API, not one endpoint.
        return (e.status() == 403 || e.status() == 404) && !"api_plan_restricted".equals(e.code());
    }
}
