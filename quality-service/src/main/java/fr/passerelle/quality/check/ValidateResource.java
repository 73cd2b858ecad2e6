package fr.passerelle.quality.check;

import fr.passerelle.platform.web.ApiException;
import fr.passerelle.quality.report.ReportDocument;
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

    public ValidateResource(FileChecker checker) {
        this.checker = checker;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Contrôler un fichier selon un schéma, sans le publier")
    public ReportDocument validate(@QueryParam("schema") String schema, @RestForm("file") FileUpload file)
            throws IOException {
        if (schema == null || schema.isBlank()) {
            throw ApiException.badRequest("schema-required", "Indiquez le schéma selon lequel contrôler le fichier.",
                    "Ajoutez ?schema=NOM à l'adresse ; GET /api/v1/schemas donne la liste des noms.");
        }
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("file-required", "Aucun fichier n'a été joint à la demande.",
                    "Envoyez le fichier dans le champ « file » d'un formulaire multipart/form-data.");
        }
        Path clean = Files.createTempFile("passerelle-validate-", ".csv");
        try {
            ReportDocument report = checker.check(file.uploadedFile(), schema.trim(), clean,
                    new ReportDocument(null, null, null, file.fileName(), schema, null, null, null, null, null));
            if (report.problem() != null) {
                throw new ApiException(400, report.problem().code(), report.problem().message(),
                        report.problem().hint());
            }
            return report;
        } finally {
            Files.deleteIfExists(clean);
        }
    }
}
