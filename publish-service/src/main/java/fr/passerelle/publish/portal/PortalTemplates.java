package fr.passerelle.publish.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The portal's pages ({@code src/main/resources/templates/}), on the DSFR; Qute escapes every value. */
@CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME, requireTypeSafeExpressions = false)
final class PortalTemplates {

    private PortalTemplates() {
    }

    static native TemplateInstance accueil(List<HomeRow> datasets, String query);

    static native TemplateInstance jeuDeDonnees(DatasetPage page);

    static native TemplateInstance mentionsLegales();

    static native TemplateInstance accessibilite();

    /** @param errorId null for a refusal; for a failure, the id in the log that a person may quote */
    static native TemplateInstance erreur(String title, String message, String advice, String errorId);
}
