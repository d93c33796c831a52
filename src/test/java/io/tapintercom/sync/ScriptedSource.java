package io.tapintercom.sync;

import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.streams.RecordSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** A sorted source answering each open() with the next script: pages, or failures in their place. */
final class ScriptedSource implements RecordSource {
    private final Deque<List<Supplier<Page>>> scripts = new ArrayDeque<>();
    final List<ReadWindow> opened = new ArrayList<>();
    int served;

    @SafeVarargs
    final ScriptedSource then(Supplier<Page>... pages) {
        scripts.add(List.of(pages));
        return this;
    }

    @Override
    public boolean sortedByReplicationKey() {
        return true;
    }

    @Override
    public Iterator<Page> open(IntercomClient client, ReadWindow window) {
        opened.add(window);
        List<Supplier<Page>> script = scripts.isEmpty() ? List.of() : scripts.poll();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < script.size();
            }

            @Override
            public Page next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                served++;
                return script.get(next++).get();
            }
        };
    }

    static List<String> ids(Page page) {
        List<String> ids = new ArrayList<>();
        page.records().forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }
}
