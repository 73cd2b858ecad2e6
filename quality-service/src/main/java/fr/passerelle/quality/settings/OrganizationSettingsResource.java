package fr.passerelle.quality.settings;

import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.platform.web.Slugs;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An organisation's quality settings: the locale its files are written under. Each of its datasets follows it
 * unless the dataset's own settings name another ({@link DatasetSettingsResource}). Same roles as a dataset's
 * settings: any role of the organisation reads them, publishers change them.
 */
@Path("/api/v1/organizations/{org}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationSettingsResource {

    private final OrganizationSettingsStore store;
    private final SettingsChanges changes;

    public OrganizationSettingsResource(OrganizationSettingsStore store, SettingsChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    /** The body: the locale as a BCP 47 tag, fr-FR when absent. */
    public record SettingsRequest(String locale) {
    }

    @GET
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Les réglages de contrôle d'une organisation : langue de ses fichiers (fr-FR par défaut),"
            + " suivie par chacun de ses jeux de données qui n'en indique pas d'autre")
    public Uni<OrganizationSettings> get(@PathParam("org") String organization) {
        return store.find(Slugs.require(organization, "l'organisation"));
    }

    @PUT
    @RolesAllowed(Roles.PUBLISHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remplacer les réglages de contrôle d'une organisation (valables pour les prochains fichiers"
            + " de ses jeux de données)")
    public Uni<OrganizationSettings> put(@PathParam("org") String organization, SettingsRequest request) {
        String org = Slugs.require(organization, "l'organisation");
        if (request == null) {
            throw ApiException.badRequest("settings-required", "Le corps de la demande est vide.",
                    "Envoyez {\"locale\": \"fr-FR\"} (ou en-US, fr-BE…).");
        }
        OrganizationSettings settings = new OrganizationSettings(LocaleTags.canonical(request.locale()));
        return changes.replace(org, settings);
    }

    static String auditDetail(OrganizationSettings settings) {
        return "Réglages de contrôle de l'organisation remplacés : fichiers lus selon la langue " + settings.locale()
                + ", sauf pour les jeux de données qui en indiquent une autre.";
    }
}
