package fr.passerelle.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks reference libraries (their "sign" test). */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330;
    private static final String SPEC_BODY = "{\"test\": 2432232314}";

    @Test
    void signsTheSpecificationsExampleAsItsLibrariesDo() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY));
    }

    @Test
    void theSecretsPrefixIsOptional() {
        assertEquals(WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY),
                WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY));
    }

    @Test
    void anyChangeToTheIdTheTimestampOrTheBodyChangesTheSignature() {
        String signature = WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);
        assertNotEquals(signature, WebhookSignature.sign(SPEC_SECRET, SPEC_ID + "x", SPEC_TIMESTAMP, SPEC_BODY));
        assertNotEquals(signature, WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_BODY));
        assertNotEquals(signature, WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY + " "));
    }

    @Test
    void duringARotationTheHeaderCarriesOneSignaturePerSecretSeparatedBySpaces() {
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String header = WebhookSignature.header(List.of(SPEC_SECRET, other), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= "
                + WebhookSignature.sign(other, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY), header);
    }
}
