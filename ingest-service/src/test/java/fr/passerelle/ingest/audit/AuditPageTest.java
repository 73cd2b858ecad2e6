package fr.passerelle.ingest.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.platform.web.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditPageTest {

    @Test
    void withoutParametersTheHundredNewestEntries() {
        AuditPage page = AuditPage.of(null, null);
        assertEquals(100, page.limit());
        assertNull(page.before());
        assertEquals(new AuditPage(100, null), AuditPage.of(" ", ""));
    }

    @Test
    void theNextPageStartsBeforeTheLastEntrySeen() {
        AuditPage page = AuditPage.of("1000", "2026-11-23T10:15:30.123456Z");
        assertEquals(1000, page.limit());
        assertEquals(Instant.parse("2026-11-23T10:15:30.123456Z"), page.before());
        assertEquals(1, AuditPage.of("1", null).limit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "1001", "cent", "1e3", "99999999999"})
    void aLimitOutsideOneToAThousandIsAFrench400(String limit) {
        ApiException refused = assertThrows(ApiException.class, () -> AuditPage.of(limit, null));
        assertEquals(400, refused.status());
        assertEquals("invalid-limit", refused.error().code());
        assertTrue(refused.error().message().contains("entre 1 et 1000"), refused.error().message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hier", "2026-11-23", "2026-11-23T10:15:30", "1700000000"})
    void aBeforeThatIsNoIsoInstantIsAFrench400(String before) {
        ApiException refused = assertThrows(ApiException.class, () -> AuditPage.of("10", before));
        assertEquals(400, refused.status());
        assertEquals("invalid-before", refused.error().code());
        assertTrue(refused.error().message().contains("n'est pas un instant ISO 8601"), refused.error().message());
    }
}
