package fr.passerelle.quality.engine.schema;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads schema.data.gouv.fr's catalogue and the schemas it lists, bounded in time and size: one way for the
 * service's refresh and the snapshot tool. The URLs are the operator's configuration and the catalogue's own,
 * never a user's.
 */
public final class CatalogueFetch {

    private final HttpClient http;
    private final Duration timeout;

    public CatalogueFetch(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The body of a 200 answer, at most {@code maxBytes}; anything else is an {@link IOException} saying why. */
    public byte[] get(URI url, int maxBytes) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException("larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }
}
