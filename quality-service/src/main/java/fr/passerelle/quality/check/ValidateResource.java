package fr.passerelle.quality.check;

import jakarta.annotation.security.RolesAllowed;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.consumer.Work;
import io.smallrye.mutiny.Uni;
import fr.passerelle.quality.engine.annotate.ReportOutputs;
import fr.passerelle.quality.settings.DatasetSettings;
import fr.passerelle.quality.settings.DatasetSettingsStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import fr.passerelle.platform.web.ApiException;
import fr.passerelle.quality.report.ReportDocument;
import fr.passerelle.platform.security.Caller;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Validation on demand, outside the pipeline: nothing is stored or published. */
@jakarta.ws.rs.Path("/api/v1/validate")
public class ValidateResource {

    private final FileChecker checker;
    private final Caller caller;

    public ValidateResource(FileChecker checker, Caller caller) {
        this.checker = checker;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.PUBLISHER, Roles.ADMIN})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Contrôler un fichier selon un schéma (ou le schéma qui lui ressemble le plus), sans le publier ;"
            + " colonne=LIBELLÉ=CHAMP (répétable) indique une correspondance de colonnes, corriger=true applique les"
            + " corrections automatiques et les liste dans le rapport ; organisation=ORG rend aussi utilisables les"
            + " schémas propres à cette organisation")
    public Uni<ReportDocument> validate(@QueryParam("schema") String schema, @QueryParam("colonne") List<String> columns,
                                   @QueryParam("corriger") boolean fix, @QueryParam("organisation") String organization,
                                   @RestForm("file") FileUpload file)
            throws IOException {
        // Only the caller's own organisation's schemas: naming another one is refused, not ignored.
        String org = caller.organization().orElse(null);
        if (organization != null && !organization.isBlank() && !caller.belongsTo(organization)) {
            throw new ForbiddenException();
        }
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("file-required", "Aucun fichier n'a été joint à la demande.",
                    "Envoyez le fichier dans le champ « file » d'un formulaire multipart/form-data.");
        }
        Map<String, String> mapping = mapping(columns);
        // The organisation's own schemas and locale are read here, reactively; the engine then runs on a worker.
        return checker.forOrganisation(org).chain(prepared -> Work.blocking(() -> {
            Path clean = Files.createTempFile("passerelle-validate-", ".csv");
            try {
                return prepared.check(file.uploadedFile(), schema, clean,
                        new ReportDocument(null, org, null, file.fileName(), schema, null, null, null, null, null),
                        new FileChecker.CheckRequest(fix, new DatasetSettingsStore.Stored(
                                new DatasetSettings(mapping, Map.of()), null), ReportOutputs.none()));
            } finally {
                Files.deleteIfExists(clean);
            }
        })).map(report -> {
            if (report.problem() != null) {
                throw new ApiException(400, report.problem().code(), report.problem().message(),
                        report.problem().hint());
            }
            return report;
        });
    }

    /** "Libellé du fichier=champ", split at the last "=" (field names hold none); "Libellé=" ignores the column. */
    private static Map<String, String> mapping(List<String> columns) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String column : columns == null ? List.<String>of() : columns) {
            int equals = column.lastIndexOf('=');
            if (equals <= 0) {
                throw ApiException.badRequest("invalid-column-mapping", "Le paramètre colonne attend LIBELLÉ=CHAMP : « "
                        + column + " ».", "Par exemple colonne=Lat=latitude, ou colonne=Remarques= pour ignorer une colonne.");
            }
            mapping.put(column.substring(0, equals).strip(), column.substring(equals + 1).strip());
        }
        return mapping;
    }
}
