package io.tapintercom.sync;

import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.MessageWriter;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.function.IntSupplier;

/**
 * The collaborators every part of a sync shares. {@code workers} run per-parent requests and
 * {@code readers} fetch pages; neither pool limits requests in flight: the client does, for every
 * thread of the run at once. {@code inFlight} says how many requests the client may have in flight now,
 * which is how many slices a long search is worth cutting into.
 */
record SyncContext(IntercomClient client, MessageWriter writer, Clock clock, Logger log, SyncSettings settings,
                   ExecutorService workers, ExecutorService readers, StateKeeper state, IntSupplier inFlight) {}
