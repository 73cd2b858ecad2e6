package fr.passerelle.quality.engine;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local HTTP server standing in for schema.data.gouv.fr in tests (no network here): it answers the bytes given
 * for a path with 200, anything else with 404, and can be stopped mid-test to play an outage. Shared by the engine's
 * and quality-service's tests through the engine's test-jar.
 */
public final class LocalHttpFiles {

    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final HttpServer server;

    private LocalHttpFiles(HttpServer server) {
        this.server = server;
    }

    /** A server on a free loopback port, already answering. */
    public static LocalHttpFiles start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LocalHttpFiles files = new LocalHttpFiles(server);
        server.createContext("/", exchange -> {
            byte[] body = files.served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
        return files;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code body} at {@code path} from now on (replacing what was there). */
    public void serve(String path, byte[] body) {
        served.put(path, body);
    }

    /** The server goes away: connections are refused from now on. */
    public void stop() {
        server.stop(0);
    }
}
