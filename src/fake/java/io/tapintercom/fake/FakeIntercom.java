package io.tapintercom.fake;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;

/**
 * A fake Intercom REST API (2.14) on 127.0.0.1, serving a deterministic {@link FakeWorkspace}.
 *
 * <p>Per request: count it, apply the configured latency, check the bearer token (401), the rate-limit window
 * (429), the routes refused to this token (403), the Intercom-Version header (400), then maybe inject a fault,
 * then route. Responses are rendered completely
 * before sending so they carry a Content-Length.
 */
public final class FakeIntercom implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, small responses then stall
        // ~40 ms on the client's delayed ACK. Must be set before the server classes load; an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final FakeOptions options;
    private final FakeWorkspace workspace;
    private final FakeStats stats = new FakeStats();
    private final RateLimitWindow rateLimit;
    private final FaultInjector faults;
    private final Router router = new Router();
    private final AtomicLong requestNumber = new AtomicLong();
    private final ExecutorService executor;
    private final HttpServer server;
    private final String baseUrl;

    private FakeIntercom(FakeOptions options, FakeWorkspace workspace) throws IOException {
        this.options = options;
        this.workspace = workspace;
        this.rateLimit = options.rateLimitPer10Seconds() > 0
                ? new RateLimitWindow(options.rateLimitPer10Seconds(), options.clock()) : null;
        this.faults = new FaultInjector(options);
        registerRoutes();
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), options.port()),
                1024);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static FakeIntercom start(FakeOptions options) {
        return start(options, FakeWorkspace.generate(options));
    }

    /** Serves an already generated workspace (generating a large one once and reusing it saves time). */
    public static FakeIntercom start(FakeOptions options, FakeWorkspace workspace) {
        try {
            return new FakeIntercom(options, workspace);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake Intercom server", e);
        }
    }

    /** e.g. "http://127.0.0.1:54321", without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FakeWorkspace workspace() {
        return workspace;
    }

    public FakeStats stats() {
        return stats;
    }

    public FakeOptions options() {
        return options;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void registerRoutes() {
        Renderers renderers = new Renderers(workspace);
        new CatalogEndpoints(workspace, renderers).register(router);
        new PagedEndpoints(workspace, renderers).register(router);
        ScrollRegistry scrolls = new ScrollRegistry(options.clock(), options.scrollIdleExpirySeconds(), options.seed());
        // Before /companies/{id}, which would otherwise match "scroll".
        router.add("GET", "/companies/scroll",
                new ScrollEndpoint(workspace, renderers, scrolls, faults, stats, options.scrollPageSize()));
        new ObjectEndpoints(workspace, renderers).register(router);
        router.add("POST", "/contacts/search", new SearchEndpoint(new SearchEndpoint.Spec(FakeWorkspace.CONTACTS,
                workspace.contacts(), SearchFields.contacts(workspace, renderers.contacts), 50,
                DateSemantics.DAY_GRANULAR, DateSemantics.EXACT_SECONDS, "list", "data",
                (g, i) -> renderers.contacts.write(g, i, false))));
        router.add("POST", "/conversations/search", new SearchEndpoint(new SearchEndpoint.Spec(
                FakeWorkspace.CONVERSATIONS, workspace.conversations(),
                SearchFields.conversations(workspace, renderers.conversations), 20, DateSemantics.INCLUSIVE_SECONDS,
                DateSemantics.INCLUSIVE_SECONDS, "conversation.list", "conversations",
                (g, i) -> renderers.conversations.write(g, i, false))));
        router.add("POST", "/tickets/search", new SearchEndpoint(new SearchEndpoint.Spec(FakeWorkspace.TICKETS,
                workspace.tickets(), SearchFields.tickets(workspace, renderers.tickets), 20,
                DateSemantics.INCLUSIVE_SECONDS, DateSemantics.INCLUSIVE_SECONDS, "ticket.list", "tickets",
                renderers.tickets::write)));
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "fake-intercom-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private void handle(HttpExchange ex) throws IOException {
        String requestId = Mix.uuid(options.seed() ^ Mix.REQUEST, requestNumber.getAndIncrement());
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = ex.getRequestURI().getPath();
            Router.Match match = router.match(method, path);
            stats.request(match == null ? method + " (unmatched)" : match.route().name());
            boolean authorized = authorized(ex.getRequestHeaders());
            // Counted when it arrives, as a gateway counts, not when its answer is ready: a request sent just
            // before a window ends belongs to that window however long it then takes.
            RateLimitWindow.Decision limit = rateLimit == null || !authorized ? null : rateLimit.acquire();
            int latency = options.latencyMillis() + (path.endsWith("/search") ? options.searchLatencyMillis() : 0);
            if (latency > 0) {
                Thread.sleep(latency);
            }
            if (!authorized) {
                stats.unauthorized();
                send(ex, Response.error(401, requestId, "unauthorized", "Access Token Invalid"), null, false);
                return;
            }
            if (limit != null && !limit.allowed()) {
                stats.rateLimited();
                send(ex, Response.error(429, requestId, "rate_limit_exceeded",
                        "Exceeded rate limit of " + limit.limit() + " in 10_seconds"), limit, false);
                return;
            }
            if (match != null && options.refusedRoutes().contains(match.route().name())) {
                send(ex, Response.error(403, requestId, "forbidden",
                        "The access token does not have the permission this resource needs"), limit, false);
                return;
            }
            boolean preview;
            try {
                preview = ApiVersion.isPreview(ex.getRequestHeaders().getFirst("Intercom-Version"));
            } catch (ApiException e) {
                send(ex, Response.error(requestId, e), limit, false);
                return;
            }
            FaultKind fault = faults.next();
            if (fault == FaultKind.DROPPED_CONNECTION) {
                stats.fault(fault);
                // Closing before any response is sent makes the server close the socket: the client sees EOF.
                ex.close();
                return;
            }
            if (fault == FaultKind.SERVER_ERROR) {
                stats.fault(fault);
                send(ex, Response.error(503, requestId, "service_unavailable",
                        "Service Unavailable. Please try again later."), limit, false);
                return;
            }
            boolean truncate = fault == FaultKind.TRUNCATED_BODY;
            Request request = new Request(method, path, ex.getRequestURI().getRawQuery(), body, baseUrl, requestId,
                    preview, truncate, ex.getRequestHeaders().getFirst("Intercom-Version"));
            Response response = route(match, request);
            if (truncate) {
                stats.fault(fault);
            }
            send(ex, response, limit, truncate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
        } catch (RuntimeException e) {
            send(ex, Response.error(500, requestId, "server_error", "Fake server failure: " + e), null, false);
        }
    }

    private Response route(Router.Match match, Request request) {
        if (match == null) {
            return Response.error(404, request.requestId(), "not_found", "Resource Not Found");
        }
        Lock lock = workspace.lock().readLock();
        lock.lock();
        try {
            return match.route().endpoint().handle(request.withPathParams(match.params()));
        } catch (ApiException e) {
            return Response.error(request.requestId(), e);
        } finally {
            lock.unlock();
        }
    }

    private boolean authorized(Headers headers) {
        String auth = headers.getFirst("Authorization");
        if (auth == null || auth.length() < 7 || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return auth.substring(7).trim().equals(options.accessToken());
    }

    private static void send(HttpExchange ex, Response response, RateLimitWindow.Decision limit, boolean truncate)
            throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "application/json; charset=utf-8");
        if (limit != null) {
            h.set("X-RateLimit-Limit", Integer.toString(limit.limit()));
            h.set("X-RateLimit-Remaining", Integer.toString(limit.remaining()));
            h.set("X-RateLimit-Reset", Long.toString(limit.resetEpochSeconds()));
        }
        response.headers().forEach(h::set);
        byte[] body = response.body();
        ex.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length == 0) {
            ex.close();
            return;
        }
        OutputStream out = ex.getResponseBody();
        if (truncate) {
            out.write(body, 0, body.length / 2);
            out.flush();
            // Closing the exchange with bytes still owed makes the server drop the connection mid-body.
            ex.close();
            return;
        }
        out.write(body);
        out.close();
    }

    /**
     * Runs a fake server until killed: {@code --port N --profile demo|small|realistic[:scale]|benchmark[:scale]|contacts:N
     * --seed S --token T --latency MS --search-latency MS --rate-limit N}.
     */
    public static void main(String[] args) throws InterruptedException {
        FakeOptions.Builder b = FakeOptions.builder().profile(WorkspaceProfile.demo()).port(8080);
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--port":
                    b.port(Integer.parseInt(value));
                    break;
                case "--seed":
                    b.seed(Long.parseLong(value));
                    break;
                case "--token":
                    b.accessToken(value);
                    break;
                case "--latency":
                    b.latencyMillis(Integer.parseInt(value));
                    break;
                case "--search-latency":
                    b.searchLatencyMillis(Integer.parseInt(value));
                    break;
                case "--rate-limit":
                    b.rateLimitPer10Seconds(Integer.parseInt(value));
                    break;
                case "--profile":
                    b.profile(value.equals("demo") ? WorkspaceProfile.demo()
                            : value.equals("small") ? WorkspaceProfile.small()
                            : value.startsWith("realistic") ? WorkspaceProfile.realistic(scale(value))
                            : value.startsWith("contacts:") ? WorkspaceProfile.contactsOnly(scale(value))
                            : WorkspaceProfile.benchmark(scale(value)));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        FakeOptions options = b.build();
        try (FakeIntercom fake = start(options)) {
            System.out.println("Fake Intercom (" + options.profile().name() + ") at " + fake.baseUrl()
                    + " token=" + options.accessToken());
            Thread.currentThread().join();
        }
    }

    /** "benchmark:4" is 4; "benchmark" is 1. */
    private static int scale(String profile) {
        return profile.contains(":") ? Integer.parseInt(profile.substring(profile.indexOf(':') + 1)) : 1;
    }
}
