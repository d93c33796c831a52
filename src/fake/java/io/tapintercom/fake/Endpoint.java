package io.tapintercom.fake;

/** Answers one route; runs under the workspace read lock, so it sees a consistent snapshot. */
@FunctionalInterface
interface Endpoint {
    Response handle(Request request) throws ApiException;
}
