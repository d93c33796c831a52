package io.tapintercom.sync;

import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.singer.MessageWriter;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/**
 * The collaborators every part of a sync shares. {@code workers} run per-parent requests and
 * {@code readers} fetch pages; neither pool limits requests in flight: the client does, for every
 * thread of the run at once.
 */
record SyncContext(IntercomClient client, MessageWriter writer, Clock clock, SyncSettings settings,
                   ExecutorService workers, ExecutorService readers, StateKeeper state) {}
