package io.tapintercom.intercom.pagination;

import io.tapintercom.intercom.http.HttpCall;
import io.tapintercom.intercom.http.HttpReply;
import io.tapintercom.intercom.http.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Answers calls with scripted bodies, in order, and keeps every call it got. */
final class ScriptedTransport implements HttpTransport {
    private final Deque<HttpReply> replies = new ArrayDeque<>();
    private final List<HttpCall> calls = new ArrayList<>();

    ScriptedTransport then(String jsonBody) {
        return then(200, jsonBody);
    }

    ScriptedTransport then(int status, String body) {
        replies.add(new HttpReply(status, Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    @Override
    public synchronized HttpReply send(HttpCall call) {
        calls.add(call);
        if (replies.isEmpty()) {
            throw new AssertionError("unexpected call " + call);
        }
        return replies.poll();
    }

    synchronized List<HttpCall> calls() {
        return List.copyOf(calls);
    }

    List<String> urls() {
        return calls().stream().map(HttpCall::url).toList();
    }
}
