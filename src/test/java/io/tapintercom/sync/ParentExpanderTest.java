package io.tapintercom.sync;

import static io.tapintercom.sync.MemorySource.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapintercom.config.Secret;
import io.tapintercom.intercom.ClientSettings;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.RateLimiter;
import io.tapintercom.intercom.RecordingSleeper;
import io.tapintercom.intercom.RetryPolicy;
import io.tapintercom.intercom.TestClock;
import io.tapintercom.intercom.http.HttpTransport;
import io.tapintercom.singer.Logger;
import io.tapintercom.singer.state.State;
import io.tapintercom.singer.transform.RecordTransformer;
import io.tapintercom.singer.transform.TransformIssues;
import io.tapintercom.streams.ChildSource;
import io.tapintercom.streams.ParentRecord;
import io.tapintercom.streams.StreamDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParentExpanderTest {
    static final Instant SIGNPOST = Instant.parse("2026-01-01T00:00:00Z");
    static final StreamDefinition CONTACTS = StreamDefinition.incremental("contacts", "updated_at",
            new MemorySource(List.of(), 10, Duration.ofHours(1)));

    /** Read with a request per contact that has notes, as contact_notes is. */
    static final ChildSource NOTES = new ChildSource() {
        @Override
        public List<JsonNode> fetch(ParentRecord parent) {
            return List.of();
        }

        @Override
        public boolean needed(JsonNode parent) {
            return parent.path("notes").asInt() > 0;
        }
    };

    /** Taken from the contact itself, as contact_tags is. */
    static final ChildSource TAGS = new ChildSource() {
        @Override
        public List<JsonNode> fetch(ParentRecord parent) {
            return List.of();
        }

        @Override
        public boolean requestsPerParent() {
            return false;
        }
    };

    static StreamPlan plan(StreamDefinition definition) {
        return new StreamPlan(definition, true, GroupSyncTest.schema(), RecordTransformer.compile(definition.name(),
                GroupSyncTest.schema(), Set.of("id", "updated_at"), List.of("id"), new TransformIssues(Logger.discarding())), null);
    }

    /** A client for children that make no request: any request fails the test. */
    static IntercomClient offline() {
        TestClock clock = new TestClock();
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        HttpTransport none = call -> {
            throw new AssertionError("no request expected");
        };
        return new IntercomClient(new ClientSettings("https://api.intercom.io", new Secret("tok-expander-test-1"), "2.14", "test",
                Duration.ofSeconds(10), RetryPolicy.standard(1)), none, new RateLimiter(clock, sleeper, Logger.discarding()),
                sleeper, clock, new Random(1), Logger.discarding());
    }

    @Test
    void theRequestsAParentsChildrenNeedAreCountedAsTheyAreExpanded() {
        StreamPlan root = plan(CONTACTS);
        List<StreamPlan> children = List.of(plan(StreamDefinition.child("contact_notes", CONTACTS, "updated_at", NOTES)),
                plan(StreamDefinition.child("contact_tags", CONTACTS, "updated_at", TAGS)));
        GroupPlan group = new GroupPlan(root, children);
        SyncSettings settings = new SyncSettings(SIGNPOST, Instant.parse("2025-01-01T00:00:00Z"), 30, 8, 0, 4);
        ParentExpander expander = new ParentExpander(offline(), root, Windows.of(group, State.empty(), settings),
                new MemoryOutput().writer.encoder(), SIGNPOST);
        assertEquals(0.0, expander.requestsPerParent(), "nothing known before the first parent");

        for (int i = 0; i < 4; i++) {
            JsonNode contact = record("c" + i, Instant.parse("2025-06-01T00:00:00Z")).put("notes", i % 2);
            expander.expand(new ParentExpander.Parent(contact, i + 1, "page 1"), true, children);
        }

        assertEquals(0.5, expander.requestsPerParent(), "the notes of two contacts of four; tags cost no request");
    }
}
