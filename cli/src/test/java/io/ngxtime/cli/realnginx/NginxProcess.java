package io.ngxtime.cli.realnginx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real nginx started in the foreground from its own prefix folder, listening on one 127.0.0.1 port: its
 * configuration, pid file, error log, access logs and temp folders all live in that folder, so the system
 * service is never touched and no privileged port is used. {@link #close()} always stops it, workers too.
 */
final class NginxProcess implements AutoCloseable {
    private static final long START_TIMEOUT_MILLIS = 5_000;
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final Path dir;
    private final int port;
    private final Process process;

    private NginxProcess(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * The nginx binary: the system property {@code ngxtime.nginx} when set, else {@code nginx} on the PATH,
     * else Debian's {@code /usr/sbin/nginx} (not on a normal user's PATH) or a source build's usual places.
     */
    static Optional<Path> findBinary() {
        String given = System.getProperty("ngxtime.nginx");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given));
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .map(s -> Path.of(s, "nginx"));
        Stream<Path> usual = Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx").map(Path::of);
        return Stream.concat(onPath, usual).filter(Files::isExecutable).findFirst();
    }

    /** A port on 127.0.0.1 that was free a moment ago (the system's choice, so parallel runs do not clash). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code conf} (with {@code @DIR@} and {@code @PORT@} replaced by the prefix and a free port,
     * and the other {@code @NAME@} placeholders by {@code values}) to {@code dir/nginx.conf}, checks it with
     * {@code nginx -t}, starts nginx and returns once it accepts connections.
     *
     * @throws IllegalStateException when nginx rejects the configuration or exits, with its error output
     */
    static NginxProcess start(Path binary, Path dir, String conf, Map<String, String> values)
            throws IOException, InterruptedException {
        int port = freePort();
        String text = conf.replace("@DIR@", dir.toString()).replace("@PORT@", Integer.toString(port));
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("@" + e.getKey() + "@", e.getValue());
        }
        java.util.regex.Matcher unfilled = java.util.regex.Pattern.compile("@[A-Z]+@").matcher(text);
        if (unfilled.find()) {
            throw new IllegalArgumentException("no value for the placeholder " + unfilled.group() + " of the nginx.conf");
        }
        Path confFile = dir.resolve("nginx.conf");
        Files.writeString(confFile, text);
        Path output = dir.resolve("nginx.out");
        List<String> command = List.of(binary.toString(), "-p", dir.toString(), "-c", confFile.toString(), "-g", "daemon off;");

        Process check = new ProcessBuilder(List.of(binary.toString(), "-t", "-p", dir.toString(), "-c", confFile.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!check.waitFor(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) || check.exitValue() != 0) {
            check.destroyForcibly();
            throw new IllegalStateException("nginx -t rejected " + confFile + ": " + Files.readString(output));
        }

        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        NginxProcess nginx = new NginxProcess(dir, port, p);
        try {
            nginx.awaitListening();
        } catch (RuntimeException | InterruptedException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": " + diagnostics());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("nginx did not listen on 127.0.0.1:" + port + " within "
                + START_TIMEOUT_MILLIS + " ms: " + diagnostics());
    }

    /** The port nginx listens on, on 127.0.0.1. */
    int port() {
        return port;
    }

    /** A file in nginx's prefix folder (an access log, the error log). */
    Path file(String name) {
        return dir.resolve(name);
    }

    /** nginx's own output and the end of its error log, to explain a failure. */
    String diagnostics() {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("nginx.out", "error.log")) {
            Path f = dir.resolve(name);
            try {
                if (Files.exists(f)) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    b.append("\n--- ").append(name).append('\n')
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                }
            } catch (IOException e) {
                b.append("\n--- ").append(name).append(": ").append(e);
            }
        }
        return b.toString();
    }

    /**
     * Stops nginx: SIGTERM to the master (nginx's fast shutdown, which ends its workers), then, if it is
     * still there after {@value #STOP_TIMEOUT_MILLIS} ms, SIGKILL to the workers and the master.
     */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            workers.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
        // a worker that outlived its master (killed above) would keep the port and the log files open
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The configuration template next to this class, as text. */
    static String template(String resource) throws IOException {
        try (InputStream in = NginxProcess.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource + " next to " + NginxProcess.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
