package fr.passerelle.quality.settings;

import jakarta.annotation.security.RolesAllowed;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.Slugs;
import fr.passerelle.quality.engine.privacy.PrivacyAction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A dataset's quality settings: the column mapping staff chose, their decision for each column
 * holding personal data, and the locale its files are written under when it is not its organisation's
 * ({@link OrganizationSettingsResource}). They apply to the dataset's next files (a blocked upload is checked again
 * with {@code POST /api/v1/uploads/{id}/recheck} on the ingest service).
 */
@Path("/api/v1/datasets/{org}/{dataset}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetSettingsResource {

    private final DatasetSettingsStore store;
    private final SettingsChanges changes;

    public DatasetSettingsResource(DatasetSettingsStore store, SettingsChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    /**
     * The body: labels as written in the file's first row; the locale as a BCP 47 tag, absent for the organisation's
     * (itself fr-FR unless set).
     */
    public record SettingsRequest(Map<String, String> columnMapping, Map<String, String> privacyDecisions,
                                  String locale) {
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Les réglages de contrôle d'un jeu de données : correspondance des colonnes, décisions sur les "
            + "données personnelles, langue des fichiers (absente : celle de l'organisation, fr-FR par défaut)")
    public Uni<DatasetSettings> get(@PathParam("org") String organization, @PathParam("dataset") String dataset) {
        return store.find(Slugs.require(organization, "l'organisation"), Slugs.require(dataset, "jeu de données"))
                .map(DatasetSettingsStore.Stored::settings);
    }

    @PUT
    @RolesAllowed(Roles.PUBLISHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remplacer les réglages de contrôle d'un jeu de données (valables pour ses prochains fichiers)")
    public Uni<DatasetSettings> put(@PathParam("org") String organization, @PathParam("dataset") String dataset,
                               SettingsRequest request) {
        String org = Slugs.require(organization, "l'organisation");
        String slug = Slugs.require(dataset, "jeu de données");
        if (request == null) {
            throw ApiException.badRequest("settings-required", "Le corps de la demande est vide.",
                    "Envoyez {\"columnMapping\": {\"Libellé\": \"champ\"}, \"privacyDecisions\": "
                            + "{\"Colonne\": \"supprimer|masquer|hacher|publique\"}}.");
        }
        DatasetSettings settings = new DatasetSettings(mapping(request.columnMapping()),
                decisions(request.privacyDecisions()), LocaleTags.canonical(request.locale()));
        return changes.replace(org, slug, settings);
    }

    /** The decisions in words; the column names are the file's header, not its data. */
    static String auditDetail(DatasetSettings settings) {
        StringBuilder detail = new StringBuilder("Réglages de contrôle remplacés : ")
                .append(settings.columnMapping().size()).append(" correspondance(s) de colonnes");
        if (settings.privacyDecisions().isEmpty()) {
            detail.append(", aucune décision sur les données personnelles.");
        } else {
            detail.append(" ; données personnelles : ");
            settings.privacyDecisions().forEach((column, action) -> detail.append("colonne « ").append(column)
                    .append(" » ").append(action.frenchDone()).append(", "));
            detail.setLength(detail.length() - 2);
            detail.append('.');
        }
        if (settings.locale() != null) {
            detail.append(" Fichiers lus selon la langue ").append(settings.locale()).append('.');
        }
        return detail.toString();
    }

    private static Map<String, String> mapping(Map<String, String> requested) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (requested != null) {
            requested.forEach((label, field) -> {
                if (label == null || label.isBlank()) {
                    throw ApiException.badRequest("invalid-column-mapping",
                            "Une correspondance de colonnes n'a pas de nom de colonne.",
                            "Écrivez le nom de la colonne tel qu'il figure en première ligne du fichier.");
                }
                mapping.put(label.strip(), field == null ? "" : field.strip());
            });
        }
        return mapping;
    }

    private static Map<String, PrivacyAction> decisions(Map<String, String> requested) {
        Map<String, PrivacyAction> decisions = new LinkedHashMap<>();
        if (requested != null) {
            requested.forEach((label, word) -> {
                if (label == null || label.isBlank()) {
                    throw ApiException.badRequest("invalid-privacy-decision",
                            "Une décision sur les données personnelles n'a pas de nom de colonne.",
                            "Écrivez le nom de la colonne tel qu'il figure en première ligne du fichier.");
                }
                PrivacyAction action = PrivacyAction.parse(word == null ? "" : word).orElseThrow(() ->
                        ApiException.badRequest("invalid-privacy-decision", "Action « " + word
                                        + " » inconnue pour la colonne « " + label + " ».",
                                "Choisissez supprimer, masquer, hacher ou publique."));
                decisions.put(label.strip(), action);
            });
        }
        return decisions;
    }
}
