package io.tapintercom.fake;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters a suite can assert on: requests per endpoint, throttling, injected faults. Thread-safe. */
public final class FakeStats {
    private final LongAdder total = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder unauthorized = new LongAdder();
    private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
    private final Map<FaultKind, LongAdder> faults = new EnumMap<>(FaultKind.class);

    FakeStats() {
        for (FaultKind kind : FaultKind.values()) {
            faults.put(kind, new LongAdder());
        }
    }

    void request(String endpoint) {
        total.increment();
        byEndpoint.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void unauthorized() {
        unauthorized.increment();
    }

    void fault(FaultKind kind) {
        faults.get(kind).increment();
    }

    public long totalRequests() {
        return total.sum();
    }

    /** Requests to one route, named like "GET /conversations/{id}" or "POST /contacts/search". */
    public long requests(String endpoint) {
        LongAdder a = byEndpoint.get(endpoint);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> requestsByEndpoint() {
        Map<String, Long> out = new TreeMap<>();
        byEndpoint.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Number of 429 responses sent. */
    public long rateLimitedResponses() {
        return rateLimited.sum();
    }

    public long unauthorizedResponses() {
        return unauthorized.sum();
    }

    public long faultsInjected() {
        long sum = 0;
        for (LongAdder a : faults.values()) {
            sum += a.sum();
        }
        return sum;
    }

    public long faults(FaultKind kind) {
        return faults.get(kind).sum();
    }

    @Override
    public String toString() {
        return "FakeStats{total=" + totalRequests() + ", rateLimited=" + rateLimitedResponses() + ", faults="
                + faultsInjected() + ", byEndpoint=" + requestsByEndpoint() + "}";
    }
}
