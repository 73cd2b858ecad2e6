package fr.passerelle.quality.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.quality.engine.privacy.PrivacyAction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetSettingsAuditTest {

    @Test
    void theAuditEntrySaysWhatWasDecidedForEachColumn() {
        Map<String, PrivacyAction> decisions = new LinkedHashMap<>();
        decisions.put("Téléphone", PrivacyAction.MASK);
        decisions.put("Courriel", PrivacyAction.DROP);

        assertEquals("Réglages de contrôle remplacés : 1 correspondance(s) de colonnes ; données personnelles :"
                        + " colonne « Téléphone » " + PrivacyAction.MASK.frenchDone() + ", colonne « Courriel » "
                        + PrivacyAction.DROP.frenchDone() + ".",
                DatasetSettingsResource.auditDetail(new DatasetSettings(Map.of("Nom", "nom"), decisions)));
    }

    @Test
    void noDecisionIsSaidToo() {
        assertEquals("Réglages de contrôle remplacés : 0 correspondance(s) de colonnes, aucune décision sur les"
                + " données personnelles.", DatasetSettingsResource.auditDetail(DatasetSettings.NONE));
    }
}
