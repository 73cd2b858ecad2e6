package fr.passerelle.ingest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.passerelle.platform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @Test
    void theDraftsQuotedStringAndTheBareValueAreTheSameKey() {
        assertEquals("8e03978e-40d5-43e8-bc93-6894a57f9324", IdempotencyKey.parse("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
        assertEquals("8e03978e-40d5-43e8-bc93-6894a57f9324", IdempotencyKey.parse(" 8e03978e-40d5-43e8-bc93-6894a57f9324 "));
    }

    @Test
    void noHeaderIsNoKey() {
        assertNull(IdempotencyKey.parse(null));
        assertNull(IdempotencyKey.parse("  "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "deux mots", "clé", "a\"b", "a\\b", "\u0007"})
    void aKeyThatIsNoVisibleAsciiIsRefusedInFrench(String header) {
        ApiException refused = assertThrows(ApiException.class, () -> IdempotencyKey.parse(header));
        assertEquals(400, refused.status());
        assertEquals("idempotency-key-invalid", refused.error().code());
        assertEquals("L'en-tête Idempotency-Key n'est pas valable.", refused.getMessage());
    }

    @Test
    void aKeyLongerThan255CharactersIsRefused() {
        assertEquals(255, IdempotencyKey.parse("k".repeat(255)).length());
        assertThrows(ApiException.class, () -> IdempotencyKey.parse("k".repeat(256)));
    }
}
