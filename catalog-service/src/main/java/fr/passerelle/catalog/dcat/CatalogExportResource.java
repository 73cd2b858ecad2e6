package fr.passerelle.catalog.dcat;

import jakarta.annotation.security.PermitAll;
import fr.passerelle.catalog.dataset.Datasets;
import fr.passerelle.platform.consumer.Work;
import io.smallrye.mutiny.Uni;
import java.io.ByteArrayOutputStream;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The public catalogue in DCAT-AP, for data.gouv.fr's and CKAN's harvesters. The page's datasets are read on the
 * request's Vert.x context; the RDF model is built and written (Jena, CPU) on a worker.
 */
@Path("/")
public class CatalogExportResource {

    private static final int MAX_PAGE_SIZE = 500;

    private final Datasets datasets;
    private final String portal;
    private final String catalogBaseUrl;

    public CatalogExportResource(Datasets datasets,
                                 @ConfigProperty(name = "passerelle.portal.base-url") String portal,
                                 @ConfigProperty(name = "passerelle.catalog.base-url") String catalogBaseUrl) {
        this.datasets = datasets;
        this.portal = portal;
        this.catalogBaseUrl = catalogBaseUrl;
    }

    @GET
    @PermitAll
    @Path("catalog.ttl")
    @Produces("text/turtle")
    @Operation(summary = "Catalogue DCAT-AP (Turtle), paginé")
    public Uni<Response> turtle(@QueryParam("page") @DefaultValue("1") int page,
                           @QueryParam("pageSize") @DefaultValue("100") int pageSize) {
        return export("catalog.ttl", Lang.TURTLE, "text/turtle; charset=utf-8", page, pageSize);
    }

    @GET
    @PermitAll
    @Path("catalog.jsonld")
    @Produces("application/ld+json")
    @Operation(summary = "Catalogue DCAT-AP (JSON-LD), paginé")
    public Uni<Response> jsonLd(@QueryParam("page") @DefaultValue("1") int page,
                           @QueryParam("pageSize") @DefaultValue("100") int pageSize) {
        return export("catalog.jsonld", Lang.JSONLD, "application/ld+json", page, pageSize);
    }

    @GET
    @PermitAll
    @Path("catalog.rdf")
    @Produces("application/rdf+xml")
    @Operation(summary = "Catalogue DCAT-AP (RDF/XML), paginé")
    public Uni<Response> rdfXml(@QueryParam("page") @DefaultValue("1") int page,
                           @QueryParam("pageSize") @DefaultValue("100") int pageSize) {
        return export("catalog.rdf", Lang.RDFXML, "application/rdf+xml", page, pageSize);
    }

    private Uni<Response> export(String file, Lang lang, String mediaType, int page, int pageSize) {
        int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        int number = Math.max(1, page);
        return datasets.published(size, (number - 1) * size)
                .chain(published -> datasets.countPublished().chain(total -> Work.blocking(() -> {
                    Model model = DcatCatalog.page(portal, catalogBaseUrl + "/" + file, published, number, size, total);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    RDFDataMgr.write(out, model, lang);
                    return out.toByteArray();
                })))
                .map(body -> Response.ok(body, mediaType).build());
    }
}
