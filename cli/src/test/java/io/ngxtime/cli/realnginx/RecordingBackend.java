package io.ngxtime.cli.realnginx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small HTTP backend on a free 127.0.0.1 port that records every request it receives, at arrival and
 * before answering, and answers each with the status and after the delay its {@link Answer} function
 * gives for the request's path. What it recorded is the ground truth for the attempts nginx sent it.
 * Thread-safe: requests are served by a pool, so a slow answer does not hold up the others.
 */
final class RecordingBackend implements AutoCloseable {
    /** How the backend answers a path: this status, after this many milliseconds. */
    record Answer(int status, long delayMillis) {
    }

    /**
     * One request as the backend received it: its arrival order among all backends' requests
     * ({@code sequence}), the method, the raw target (path and query as sent), nginx's {@code X-Request-Id}
     * and the answer it was given (nginx may have stopped waiting for it).
     */
    record Received(long sequence, String method, String target, String requestId, Answer answer) {
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    /** Arrival order across every backend of the test, so "which backend came first" is known. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final HttpServer server;
    private final ExecutorService pool;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Function<String, Answer> answers;

    private RecordingBackend(HttpServer server, ExecutorService pool, Function<String, Answer> answers) {
        this.server = server;
        this.pool = pool;
        this.answers = answers;
    }

    /** Starts a backend answering each path with {@code answers.apply(path)}. */
    static RecordingBackend start(Function<String, Answer> answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "recording-backend");
            t.setDaemon(true);
            return t;
        });
        RecordingBackend backend = new RecordingBackend(server, pool, answers);
        server.createContext("/", backend::handle);
        server.setExecutor(pool);
        server.start();
        return backend;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Answer answer = answers.apply(path);
            received.add(new Received(SEQUENCE.incrementAndGet(), exchange.getRequestMethod(),
                    query == null ? path : path + "?" + query,
                    exchange.getRequestHeaders().getFirst("X-Request-Id"), answer));
            exchange.getRequestBody().readAllBytes();
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            byte[] body = ("answered " + answer.status() + "\n").getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException nginxGaveUp) {
            // nginx closed the connection (its read timeout, or its client went away): the request was
            // recorded at arrival, which is what counts
        }
    }

    /** The address as nginx writes it in {@code $upstream_addr}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the backend received so far, in arrival order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** Whether a request with this raw target has arrived. */
    boolean hasReceived(String target) {
        return received.stream().anyMatch(r -> r.target().equals(target));
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
