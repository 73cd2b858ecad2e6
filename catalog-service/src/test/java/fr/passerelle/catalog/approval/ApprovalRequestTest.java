package fr.passerelle.catalog.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.passerelle.platform.web.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApprovalRequestTest {

    private static ApprovalRequest read(String body) {
        return ApprovalRequest.read(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noBodyBlankBodyAndJsonNullMeanNoComment() {
        assertNull(read(null).comment());
        assertNull(read("").comment());
        assertNull(read("  \n").comment());
        assertNull(read("null").comment());
        assertNull(read("{}").comment());
    }

    @Test
    void aJsonBodyCarriesTheComment() {
        assertEquals("Vérifié", read("{\"comment\": \"Vérifié\", \"inconnu\": 1}").comment());
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsAFrenchBadRequest() {
        for (String body : new String[] {"comment=ok", "[1]", "{\"comment\": ", "\"texte\""}) {
            ApiException refused = assertThrows(ApiException.class, () -> read(body), body);
            assertEquals(400, refused.status(), body);
        }
    }

    @Test
    void anOverlongCommentIsRefused() {
        assertThrows(ApiException.class, () -> read("{\"comment\": \"" + "a".repeat(2_001) + "\"}"));
    }
}
