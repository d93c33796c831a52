package io.tapintercom.sync;

import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.MessageWriter;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** The collaborators every part of a sync shares. */
record SyncContext(IntercomClient client, MessageWriter writer, Clock clock, Logger log, SyncSettings settings,
                   ExecutorService workers, ExecutorService prefetch, StateKeeper state) {}
