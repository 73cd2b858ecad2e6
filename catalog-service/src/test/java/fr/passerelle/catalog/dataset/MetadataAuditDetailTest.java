package fr.passerelle.catalog.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataAuditDetailTest {

    @Test
    void namesTheFieldsSentNotTheirValues() {
        MetadataUpdate update = new MetadataUpdate("Arceaux vélo", null, List.of("vélo"), null, "etalab-2.0", null,
                null, LocalDate.of(2026, 1, 1), null, null, "contact@ville.fr", true, "agent@ville.fr");

        assertEquals("Champs envoyés : titre, mots-clés, licence, période couverte, contact,"
                + " « toujours demander » activé.", MetadataAuditDetail.of(update));
    }

    @Test
    void anEmptyUpdateSaysSo() {
        MetadataUpdate update = new MetadataUpdate(null, null, null, null, null, null, null, null, null, null, null);
        assertEquals("Métadonnées envoyées sans changement de champ.", MetadataAuditDetail.of(update));
    }
}
