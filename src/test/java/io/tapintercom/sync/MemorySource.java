package io.tapintercom.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapintercom.intercom.IntercomClient;
import io.tapintercom.intercom.pagination.Page;
import io.tapintercom.singer.Json;
import io.tapintercom.streams.ReadWindow;
import io.tapintercom.streams.RecordSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory search: records sorted by updated_at (epoch seconds), served in pages from the
 * window's start, bounded above only for a slice (like contact search), with Intercom's page counts.
 */
final class MemorySource implements RecordSource {
    private final List<JsonNode> records;
    private final int pageSize;
    private final Duration minimumSlice;
    final List<ReadWindow> opened = new CopyOnWriteArrayList<>();
    final AtomicInteger pagesServed = new AtomicInteger();

    MemorySource(List<? extends JsonNode> records, int pageSize, Duration minimumSlice) {
        List<JsonNode> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingLong((JsonNode r) -> r.path("updated_at").asLong()).thenComparing(r -> r.path("id").asText()));
        this.records = List.copyOf(sorted);
        this.pageSize = pageSize;
        this.minimumSlice = minimumSlice;
    }

    static ObjectNode record(String id, Instant updated) {
        return Json.object().put("id", id).put("updated_at", updated.getEpochSecond());
    }

    @Override
    public boolean sortedByReplicationKey() {
        return true;
    }

    @Override
    public Optional<Duration> minimumSlice() {
        return Optional.ofNullable(minimumSlice);
    }

    @Override
    public Iterator<Page> open(IntercomClient client, ReadWindow window) {
        opened.add(window);
        List<JsonNode> matching = records.stream().filter(r -> {
            long at = r.path("updated_at").asLong();
            return at >= window.from().getEpochSecond() && (!window.slice() || at <= window.to().getEpochSecond());
        }).toList();
        int totalPages = Math.max(1, (matching.size() + pageSize - 1) / pageSize);
        return new Iterator<>() {
            private int page;

            @Override
            public boolean hasNext() {
                return page < totalPages;
            }

            @Override
            public Page next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<JsonNode> items = matching.subList(page * pageSize, Math.min(matching.size(), (page + 1) * pageSize));
                page++;
                pagesServed.incrementAndGet();
                return page(items, page, totalPages, matching.size());
            }
        };
    }

    static Page page(List<JsonNode> items, int page, int totalPages, long total) {
        ObjectNode response = Json.object().put("total_count", total);
        response.putObject("pages").put("page", page).put("total_pages", totalPages);
        return new Page(items, response);
    }
}
