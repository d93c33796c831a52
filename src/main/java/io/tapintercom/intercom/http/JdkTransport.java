package io.tapintercom.intercom.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link HttpTransport} over the JDK's own HTTP client. TLS is always verified, redirects are never
 * followed, no proxy is used unless the URL is one.
 *
 * <p>The call's timeout bounds the whole exchange, body included. The JDK's request timeout alone ends
 * when the headers arrive, so a server that sends headers and then nothing held a sync for ever (the
 * library this replaces read the body with no deadline at all). Here a timer interrupts the waiting
 * thread at the deadline, and the JDK's client, interrupted, cancels the exchange and closes its connection.
 *
 * <p>The exchange is sent with the blocking {@code send}, not {@code sendAsync}: the JDK hands each
 * response of {@code sendAsync} on to CompletableFuture's default executor, which on a machine of one or
 * two processors (a common container limit) starts a thread per task: some 64,000 threads in a sync of
 * the 4x realistic workspace.
 */
public final class JdkTransport implements HttpTransport {
    private final HttpClient http;
    /** Interrupts the thread of an exchange past its deadline: one daemon thread for all exchanges. */
    private final ScheduledExecutorService deadlines;

    public JdkTransport(HttpClient http) {
        this.http = http;
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, daemon(() -> "tap-intercom-deadlines"));
        // A deadline met is cancelled, and leaves the queue at once rather than at its time: thousands otherwise.
        timers.setRemoveOnCancelPolicy(true);
        this.deadlines = timers;
    }

    /**
     * The client's own work (handing bodies on, completing exchanges) is short and runs on a few threads
     * of its own; left to its default, the JDK starts a thread per exchange in flight, some 200 of them
     * at 800 ms, each with a stack.
     */
    static final int CLIENT_THREADS = 4;

    public static JdkTransport create(Duration connectTimeout) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(CLIENT_THREADS,
                daemon(() -> "tap-intercom-http-" + count.incrementAndGet()));
        return new JdkTransport(HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(threads)
                .build());
    }

    private static ThreadFactory daemon(Supplier<String> name) {
        return task -> {
            Thread thread = new Thread(task, name.get());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public HttpReply send(HttpCall call) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url())).timeout(call.timeout())
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        call.headers().forEach(request::header);
        Deadline deadline = new Deadline(Thread.currentThread());
        deadline.timer = deadlines.schedule(deadline, call.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (InterruptedException e) {
            if (deadline.passed()) {
                throw new HttpTimeoutException("no complete response within " + seconds(call.timeout()));
            }
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the response");
        } catch (IOException e) {
            throw classify(e, URI.create(call.url()).getHost());
        } finally {
            deadline.disarm();
        }
    }

    /**
     * One exchange's deadline. It interrupts its thread only while the exchange is under way, and an
     * interrupt it sent is cleared when the exchange ends, so that it never reaches the thread's next work.
     */
    private static final class Deadline implements Runnable {
        private final Thread thread;
        private ScheduledFuture<?> timer;
        private boolean over;
        private boolean passed;

        Deadline(Thread thread) {
            this.thread = thread;
        }

        @Override
        public synchronized void run() {
            if (!over) {
                passed = true;
                thread.interrupt();
            }
        }

        synchronized boolean passed() {
            return passed;
        }

        /** Called by the exchange's thread when it ends, however it ends. */
        void disarm() {
            timer.cancel(false);
            synchronized (this) {
                over = true;
                if (passed) {
                    Thread.interrupted(); // the deadline's interrupt, delivered already: run() holds this lock
                }
            }
        }
    }

    private static HttpReply reply(HttpResponse<byte[]> response) {
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.putIfAbsent(name, values.get(0));
            }
        });
        byte[] body = response.body();
        return new HttpReply(response.statusCode(), headers, body == null ? new byte[0] : body);
    }

    /**
     * What went wrong, as the client needs to know it: a host that does not resolve, a request never sent
     * (connection refused, or none within the connect timeout), or anything else, after which the request
     * may have been processed. The message holds the root cause's class and message: enough to tell a
     * timeout from a reset, and free of headers.
     */
    static IOException classify(Throwable error, String host) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return new UnresolvedHostException(host, error);
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (error instanceof HttpConnectTimeoutException || error instanceof ConnectException) {
            return new NotSentException(describe(root), error);
        }
        return new IOException(describe(root), error);
    }

    private static String describe(Throwable root) {
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() / 1000.0 + " s";
    }
}
