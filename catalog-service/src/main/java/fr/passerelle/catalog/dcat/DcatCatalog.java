package fr.passerelle.catalog.dcat;

import fr.passerelle.catalog.dataset.DatasetView;
import fr.passerelle.catalog.metadata.Frequency;
import fr.passerelle.catalog.metadata.Licence;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VCARD4;

/**
 * The public catalogue as DCAT-AP, one page at a time, with Hydra paging as data.gouv.fr's and
 * CKAN's DCAT harvesters follow it.
 */
public final class DcatCatalog {

    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String SCHEMA_PAGE = "https://schema.data.gouv.fr/";

    private DcatCatalog() {
    }

    /**
     * @param portal   the public portal's base URL: dataset and file URLs are built on it
     * @param pageUrl  the URL of this page, without its page parameter
     */
    public static Model page(String portal, String pageUrl, List<DatasetView> datasets, int page, int pageSize,
                             long total) {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("dcat", DCAT.NS);
        model.setNsPrefix("dct", DCTerms.NS);
        model.setNsPrefix("foaf", FOAF);
        model.setNsPrefix("vcard", VCARD4.NS);
        model.setNsPrefix("hydra", HYDRA);
        Resource catalog = model.createResource(portal + "/", DCAT.Catalog)
                .addProperty(DCTerms.title, "Données publiques publiées avec Passerelle", "fr")
                .addProperty(DCTerms.description,
                        "Jeux de données des collectivités, contrôlés selon les schémas de schema.data.gouv.fr.", "fr")
                .addProperty(DCAT.landingPage, model.createResource(portal + "/"));
        for (DatasetView dataset : datasets) {
            catalog.addProperty(DCAT.dataset, dataset(model, portal, dataset));
        }
        addPaging(model, pageUrl, page, pageSize, total);
        return model;
    }

    private static Resource dataset(Model model, String portal, DatasetView view) {
        String landing = portal + "/portal/" + view.organization() + "/" + view.dataset();
        Resource dataset = model.createResource(landing, DCAT.Dataset)
                .addProperty(DCTerms.identifier, view.organization() + "/" + view.dataset())
                .addProperty(DCTerms.title, view.title(), "fr")
                .addProperty(DCTerms.description, view.description() == null ? view.title() : view.description(), "fr")
                .addProperty(DCAT.landingPage, model.createResource(landing))
                .addProperty(DCTerms.publisher, model.createResource(portal + "/organisations/" + view.organization())
                        .addProperty(RDF.type, model.createResource(FOAF + "Agent"))
                        .addProperty(model.createProperty(FOAF, "name"), view.organization()))
                .addProperty(DCTerms.accrualPeriodicity, model.createResource(
                        Frequency.byId(view.frequency()).orElse(Frequency.UNKNOWN).uri()));
        view.keywords().forEach(keyword -> dataset.addProperty(DCAT.keyword, keyword, "fr"));
        if (view.theme() != null) {
            dataset.addProperty(DCAT.theme, view.theme());
        }
        if (view.createdAt() != null) {
            dataset.addProperty(DCTerms.issued, view.createdAt().toString(), XSDDatatype.XSDdateTime);
        }
        if (view.updatedAt() != null) {
            dataset.addProperty(DCTerms.modified, view.updatedAt().toString(), XSDDatatype.XSDdateTime);
        }
        if (view.schema() != null) {
            dataset.addProperty(DCTerms.conformsTo, model.createResource(SCHEMA_PAGE + view.schema()));
        }
        if (view.temporalStart() != null) {
            Resource period = model.createResource().addProperty(RDF.type, DCTerms.PeriodOfTime)
                    .addProperty(DCAT.startDate, view.temporalStart().toString(), XSDDatatype.XSDdate);
            if (view.temporalEnd() != null) {
                period.addProperty(DCAT.endDate, view.temporalEnd().toString(), XSDDatatype.XSDdate);
            }
            dataset.addProperty(DCTerms.temporal, period);
        }
        view.spatial().forEach(code -> dataset.addProperty(DCTerms.spatial, model.createResource()
                .addProperty(RDF.type, DCTerms.Location)
                .addProperty(DCTerms.identifier, code)
                .addProperty(RDFS.label, code)));
        if (view.contactEmail() != null) {
            Resource contact = model.createResource().addProperty(RDF.type, VCARD4.Kind)
                    .addProperty(VCARD4.hasEmail, model.createResource("mailto:" + view.contactEmail()));
            if (view.contactName() != null) {
                contact.addProperty(VCARD4.fn, view.contactName());
            }
            dataset.addProperty(DCAT.contactPoint, contact);
        }
        Licence licence = Licence.byId(view.licence()).orElse(Licence.ETALAB_2_0);
        String file = portal + "/portal/" + view.organization() + "/" + view.dataset() + "/latest.csv";
        dataset.addProperty(DCAT.distribution, model.createResource(file + "#distribution", DCAT.Distribution)
                .addProperty(DCTerms.title, view.title() + " (CSV)", "fr")
                .addProperty(DCAT.accessURL, model.createResource(file))
                .addProperty(DCAT.downloadURL, model.createResource(file))
                .addProperty(DCAT.mediaType, model.createResource("https://www.iana.org/assignments/media-types/text/csv"))
                .addProperty(DCTerms.format, "CSV")
                .addProperty(DCTerms.license, model.createResource(licence.uri())));
        return dataset;
    }

    private static void addPaging(Model model, String pageUrl, int page, int pageSize, long total) {
        long lastPage = Math.max(1, (total + pageSize - 1) / pageSize);
        Property next = model.createProperty(HYDRA, "nextPage");
        Resource paging = model.createResource(pageUrl + "?page=" + page + "&pageSize=" + pageSize)
                .addProperty(RDF.type, model.createResource(HYDRA + "PagedCollection"))
                .addLiteral(model.createProperty(HYDRA, "totalItems"), total)
                .addLiteral(model.createProperty(HYDRA, "itemsPerPage"), (long) pageSize)
                .addProperty(model.createProperty(HYDRA, "firstPage"), pageUrl + "?page=1&pageSize=" + pageSize)
                .addProperty(model.createProperty(HYDRA, "lastPage"), pageUrl + "?page=" + lastPage + "&pageSize=" + pageSize);
        if (page < lastPage) {
            paging.addProperty(next, pageUrl + "?page=" + (page + 1) + "&pageSize=" + pageSize);
        }
        if (page > 1) {
            paging.addProperty(model.createProperty(HYDRA, "previousPage"),
                    pageUrl + "?page=" + (page - 1) + "&pageSize=" + pageSize);
        }
    }
}
