package io.tapintercom.sync;

import io.tapintercom.singer.MessageWriter;
import io.tapintercom.singer.state.State;
import java.util.function.UnaryOperator;

/** Holds the run's current state and writes a STATE message when it has changed since the last one. */
final class StateKeeper {
    private final MessageWriter writer;
    private final boolean silent;
    private State current;
    private State lastWritten;

    StateKeeper(MessageWriter writer, State initial, boolean silent) {
        this.writer = writer;
        this.current = initial;
        this.silent = silent;
    }

    State current() {
        return current;
    }

    void update(UnaryOperator<State> change) {
        current = change.apply(current);
    }

    /** Writes STATE if anything changed; call only when every record the state covers has been written. */
    void checkpoint() {
        if (!silent && !current.equals(lastWritten)) {
            writer.state(current.toJson());
            lastWritten = current;
        }
    }
}
