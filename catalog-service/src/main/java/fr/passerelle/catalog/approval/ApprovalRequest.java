package fr.passerelle.catalog.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.platform.web.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Optional body of an approval: a comment for the journal. Who approves is the token's subject, never
 * the body ({@code approvedBy} is accepted for older scripts and ignored).
 */
public record ApprovalRequest(String approvedBy, String comment) {

    private static final int MAX_COMMENT = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static final ApprovalRequest NONE = new ApprovalRequest(null, null);

    /** Reads a body that may be absent, blank or JSON; anything else is a French 400. */
    public static ApprovalRequest read(byte[] body) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return NONE;
        }
        ApprovalRequest request;
        try {
            request = JSON.readValue(body, ApprovalRequest.class);
        } catch (JsonProcessingException e) {
            throw invalid();
        } catch (IOException e) {
            throw invalid();
        }
        if (request == null) {
            return NONE;
        }
        if (request.comment() != null && request.comment().length() > MAX_COMMENT) {
            throw ApiException.badRequest("invalid-approval", "Le commentaire dépasse " + MAX_COMMENT + " caractères.",
                    "Raccourcissez-le : le journal des approbations garde une phrase, pas un document.");
        }
        return request;
    }

    private static ApiException invalid() {
        return ApiException.badRequest("invalid-approval", "Le corps de l'approbation n'est pas du JSON lisible.",
                "Envoyez la demande sans corps, ou un objet JSON comme {\"comment\": \"Vérifié avec le service\"}.");
    }
}
