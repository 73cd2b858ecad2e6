package fr.passerelle.ingest.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.platform.web.ApiError;
import org.junit.jupiter.api.Test;

class UploadSizeLimitTest {

    @Test
    void theRefusalSaysTheLimitInFrench() {
        ApiError error = UploadSizeLimit.error(512L * 1024 * 1024);

        assertEquals("file-too-large", error.code());
        assertEquals("Le fichier dépasse la taille maximale acceptée de 512 Mo.", error.message());
        assertEquals("Le fichier dépasse la taille maximale acceptée de 2 Go.",
                UploadSizeLimit.error(2L * 1024 * 1024 * 1024).message());
        assertEquals("Le fichier dépasse la taille maximale acceptée de 64 ko.", UploadSizeLimit.error(64 * 1024).message());
    }

    @Test
    void aLengthNoLongHoldsCountsAsTooLargeAndGarbageAsUnknown() {
        assertEquals(1234, UploadSizeLimit.declaredLength(" 1234 "));
        assertEquals(Long.MAX_VALUE, UploadSizeLimit.declaredLength("99999999999999999999999"));
        assertEquals(-1, UploadSizeLimit.declaredLength("abc"));
    }
}
