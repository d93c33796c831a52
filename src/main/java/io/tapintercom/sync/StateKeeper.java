package io.tapintercom.sync;

import io.tapintercom.singer.MessageWriter;
import io.tapintercom.singer.state.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The run's state, shared by every group: each group moves only its own streams' bookmarks, and
 * only past records it has already written, so every STATE written (whole, with every stream's
 * bookmark) is safe to resume from. currently_syncing names the first group, in the run's order,
 * that has started and not finished; with one group at a time that is the group being read.
 */
final class StateKeeper {
    private final MessageWriter writer;
    private final boolean silent;
    private final Instant signpost;
    private final List<String> running = new ArrayList<>();
    private State current;
    private State lastWritten;

    StateKeeper(MessageWriter writer, State initial, Instant signpost, boolean silent) {
        this.writer = writer;
        this.current = initial;
        this.signpost = signpost;
        this.silent = silent;
    }

    synchronized State current() {
        return current;
    }

    /** A group starts: it becomes currently_syncing if no earlier one is still running. */
    synchronized void started(String group) {
        running.add(group);
        syncing();
        write();
    }

    /** A group has finished (its last STATE written): the next STATE names the next one running. */
    synchronized void finished(String group) {
        running.remove(group);
        syncing();
    }

    /** Moves bookmarks to these checkpoints (never backward) and writes STATE if anything changed. */
    synchronized void checkpoint(List<Checkpoint> checkpoints) {
        advance(checkpoints);
        write();
    }

    /** Moves bookmarks to these checkpoints without writing STATE yet. */
    synchronized void advance(List<Checkpoint> checkpoints) {
        for (Checkpoint checkpoint : checkpoints) {
            current = checkpoint.applyTo(current, signpost);
        }
    }

    synchronized void update(UnaryOperator<State> change) {
        current = change.apply(current);
    }

    /** Writes STATE if anything changed; call only when every record the state covers has been written. */
    synchronized void write() {
        if (!silent && !current.equals(lastWritten)) {
            writer.state(current.toJson());
            lastWritten = current;
        }
    }

    private void syncing() {
        current = current.withCurrentlySyncing(running.isEmpty() ? null : running.get(0));
    }
}
