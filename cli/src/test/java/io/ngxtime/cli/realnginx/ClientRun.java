package io.ngxtime.cli.realnginx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The test's HTTP client and the record of what it sent: each request goes on its own connection
 * ({@code Connection: close}) as the exact bytes of an HTTP/1.1 request line the test wrote, so the target
 * reaches nginx as given (percent-encoding and query included), and the status nginx answered is kept.
 * Thread-safe: {@link #sendConcurrently} sends from several threads.
 */
final class ClientRun {
    static final String USER_AGENT = "ngxtime-realnginx-test";
    private static final int TIMEOUT_MILLIS = 10_000;

    /** A request: method, raw target (path and query, as written on the request line), body (or none). */
    record Request(String method, String target, String body) {
        static Request get(String target) {
            return new Request("GET", target, null);
        }

        static Request head(String target) {
            return new Request("HEAD", target, null);
        }

        static Request post(String target, String body) {
            return new Request("POST", target, body);
        }

        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    /** A request sent, with the status nginx answered; no status when the client hung up first. */
    record Sent(Request request, OptionalInt status) {
        boolean hungUp() {
            return status.isEmpty();
        }
    }

    private final int port;
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

    ClientRun(int port) {
        this.port = port;
    }

    /** Sends one request and reads the whole answer; returns its status. */
    int send(Request request) {
        try (Socket s = connect()) {
            write(s, request);
            int status = readAnswer(s.getInputStream());
            sent.add(new Sent(request, OptionalInt.of(status)));
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException("sending " + request, e);
        }
    }

    /** Sends {@code requests} from {@code threads} threads at once, as fast as nginx takes them. */
    void sendConcurrently(List<Request> requests, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Request r : requests) {
                answers.add(pool.submit(() -> send(r)));
            }
            for (Future<Integer> f : answers) {
                try {
                    f.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("a concurrent request failed", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sends a request and closes the connection without reading the answer, as soon as {@code arrived}
     * says the backend has it: nginx then has an upstream attempt in flight and logs a client abort.
     */
    void sendAndHangUp(Request request, BooleanSupplier arrived) throws InterruptedException {
        try (Socket s = connect()) {
            write(s, request);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
            while (!arrived.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the backend never received " + request);
                }
                Thread.sleep(5);
            }
            sent.add(new Sent(request, OptionalInt.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException("sending " + request, e);
        }
    }

    /** Everything sent so far. */
    List<Sent> sent() {
        return List.copyOf(sent);
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
        s.setSoTimeout(TIMEOUT_MILLIS);
        return s;
    }

    private static void write(Socket s, Request r) throws IOException {
        byte[] body = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(r.method()).append(' ').append(r.target()).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n")
                .append("User-Agent: ").append(USER_AGENT).append("\r\n")
                .append("Connection: close\r\n");
        if (r.body() != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        OutputStream out = s.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Reads the status line's code, then the rest of the answer until nginx closes the connection. */
    private static int readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        String statusLine = line.toString(StandardCharsets.US_ASCII);
        String[] parts = statusLine.split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        in.transferTo(OutputStream.nullOutputStream());
        return Integer.parseInt(parts[1]);
    }
}
