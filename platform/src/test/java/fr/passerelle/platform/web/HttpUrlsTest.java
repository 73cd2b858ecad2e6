package fr.passerelle.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://www.data.gouv.fr/api/1", "http://127.0.0.1:8080/export.csv", " https://a.fr/x "})
    void acceptsAbsoluteHttpUrls(String url) {
        assertTrue(HttpUrls.isHttp(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://a.fr/x", "/relative", "pas une adresse", "https://", ""})
    void refusesTheRest(String url) {
        assertFalse(HttpUrls.isHttp(url));
    }
}
