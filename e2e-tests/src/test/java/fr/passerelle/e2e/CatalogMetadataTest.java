package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DCAT-AP metadata, their score, French full-text search and the harvestable DCAT-AP export. */
class CatalogMetadataTest {

    private static final String ORG = "grenoble-catalogue";
    private static final String SCHEMA = "stationnement-cyclable";
    private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";

    private String dataset;
    private String upload;

    /** A dataset as its first file leaves it: waiting for approval, described by nothing but its identifier. */
    @BeforeEach
    void waitingDataset() {
        dataset = Pipeline.freshDataset("arceaux");
        upload = Pipeline.accepted(ORG, dataset, SCHEMA, "velos.csv",
                Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))));
        Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
    }

    private void publish() {
        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(upload, "PUBLISHED");
    }

    @Test
    void theFirstPublicationNeedsATitleADescriptionAndALicenceSaidInFrench() {
        var refused = Auth.with(Auth.as("publieur@" + ORG + ".fr", ORG, "publisher")).baseUri(Stack.CATALOG)
                .when().post("/api/v1/datasets/{org}/{dataset}/approval", ORG, dataset);
        assertEquals(422, refused.statusCode(), refused.asString());
        assertTrue(refused.contentType().startsWith("application/json"), refused.contentType());
        assertEquals("metadata-incomplete", refused.jsonPath().getString("code"));
        String message = refused.jsonPath().getString("message");
        assertTrue(message.contains("un titre lisible") && message.contains("une description"), message);
        assertFalse(message.contains("il manque une licence"), "Licence Ouverte by default: " + message);
        assertTrue(refused.jsonPath().getString("errorId").matches("[0-9a-f-]{36}"), refused.asString());
        assertFalse(datasetView().getBoolean("approved"), "nothing approved");
        assertEquals("AWAITING_APPROVAL", Pipeline.status(upload).getString("status"), "nothing published");

        given().baseUri(Stack.CATALOG).contentType("application/json")
                .body("{\"title\":\"Arceaux vélo\",\"description\":\"Les arceaux de la métropole.\"}")
                .when().put("/api/v1/datasets/{org}/{dataset}", ORG, dataset).then().statusCode(200);
        publish();
    }

    @Test
    void aDateThatIsNoDateOrKeywordsAsOneTextAreRefusedNamingTheFieldInFrench() {
        for (String[] bad : List.of(new String[] {"{\"temporalStart\":\"2024-13-45\"}", "invalid-metadata-temporalStart", "AAAA-MM-JJ"},
                new String[] {"{\"temporalEnd\":\"31/12/2024\"}", "invalid-metadata-temporalEnd", "AAAA-MM-JJ"},
                new String[] {"{\"keywords\":\"vélo, stationnement\"}", "invalid-metadata-keywords", "[\"vélo\""},
                new String[] {"{\"title\": ", "invalid-json", "objet JSON"})) {
            var response = given().baseUri(Stack.CATALOG).contentType("application/json").body(bad[0])
                    .when().put("/api/v1/datasets/{org}/{dataset}", ORG, dataset);
            assertEquals(400, response.statusCode(), bad[0]);
            assertTrue(response.contentType().startsWith("application/json"), bad[0] + ": " + response.contentType());
            assertEquals(bad[1], response.jsonPath().getString("code"), response.asString());
            assertTrue(response.jsonPath().getString("hint").contains(bad[2]), response.asString());
            assertFalse(response.jsonPath().getString("message").isBlank(), response.asString());
            assertTrue(response.jsonPath().getString("errorId").matches("[0-9a-f-]{36}"), response.asString());
        }
    }

    @Test
    void aDraftIsScoredWithoutBeingSaved() {
        int before = datasetView().getInt("metadataScore.score");
        JsonPath draft = given().baseUri(Stack.CATALOG).contentType("application/json")
                .body("{\"title\":\"Arceaux vélo\",\"keywords\":[\"vélo\"],\"spatial\":[\"38185\"]}")
                .when().post("/api/v1/datasets/{org}/{dataset}/metadata-score", ORG, dataset)
                .then().statusCode(200).extract().jsonPath();
        assertTrue(draft.getInt("score") > before, draft.prettify());
        assertTrue(draft.getList("missing").stream().anyMatch(hint -> String.valueOf(hint).contains("description")));
        assertEquals(List.of("une description"), draft.getList("firstPublicationMissing"));
        assertEquals(before, datasetView().getInt("metadataScore.score"), "nothing saved");
        assertEquals(dataset, datasetView().getString("title"), "nothing saved");
    }

    @Test
    void theScoreSaysWhatToFillAndReachesAHundredWhenAllIsThere() {
        JsonPath bare = datasetView();
        assertTrue(bare.getInt("metadataScore.score") < 50, bare.prettify());
        List<String> missing = bare.getList("metadataScore.missing");
        assertTrue(missing.stream().anyMatch(hint -> hint.contains("description")), missing.toString());
        assertEquals("etalab-2.0", bare.getString("licence"), "Licence Ouverte by default");

        JsonPath complete = describe();
        assertEquals(100, complete.getInt("metadataScore.score"), complete.prettify());
        assertTrue(complete.getList("metadataScore.missing").isEmpty());
        assertEquals(List.of("vélo", "stationnement", "mobilité"), complete.getList("keywords"));
        assertEquals("2024-01-01", complete.getString("temporalStart"));
    }

    @Test
    void badMetadataIsRefusedWithTheFieldAndTheAllowedValues() {
        var response = given().baseUri(Stack.CATALOG).contentType("application/json")
                .body("{\"licence\":\"libre\"}")
                .when().put("/api/v1/datasets/{org}/{dataset}", ORG, dataset);
        assertEquals(400, response.statusCode());
        assertEquals("invalid-metadata-licence", response.jsonPath().getString("code"));
        assertTrue(response.jsonPath().getString("hint").contains("odbl"));
        given().baseUri(Stack.CATALOG).contentType("application/json")
                .body("{\"temporalStart\":\"2024-06-01\",\"temporalEnd\":\"2024-01-01\"}")
                .when().put("/api/v1/datasets/{org}/{dataset}", ORG, dataset).then().statusCode(400);
        given().baseUri(Stack.CATALOG).contentType("application/json").body("{\"spatial\":[\"Grenoble\"]}")
                .when().put("/api/v1/datasets/{org}/{dataset}", ORG, dataset).then().statusCode(400);
    }

    @Test
    void searchFindsADatasetByWordsInFrenchWhateverTheirForm() {
        describe();
        // The list is the token's organisation's: no organisation in the path.
        List<String> found = Auth.with(Auth.staff(ORG)).baseUri(Stack.CATALOG).queryParam("q", "arceau stationnements velo").queryParam("limit", 500)
                .when().get("/api/v1/datasets").then().statusCode(200).extract().jsonPath().getList("dataset");
        assertTrue(found.contains(dataset), "singular and plural forms match (French stemming), accents or not: " + found);
        List<String> none = Auth.with(Auth.staff(ORG)).baseUri(Stack.CATALOG).queryParam("q", "hippopotame")
                .when().get("/api/v1/datasets").then().statusCode(200).extract().jsonPath().getList("dataset");
        assertFalse(none.contains(dataset));
    }

    @Test
    void theDcatExportCarriesThePublishedDatasetWithItsDistributionInEveryFormat() {
        describe();
        publish();
        String landing = Stack.PUBLISH + "/portal/" + ORG + "/" + dataset;
        Resource found = findAcrossPages(landing);
        assertNotNull(found, landing + " is in the DCAT-AP catalogue");
        Model model = found.getModel();
        assertTrue(found.hasProperty(RDF.type, DCAT.Dataset));
        assertEquals("Arceaux vélo de la métropole", found.getProperty(DCTerms.title).getString());
        assertNotNull(found.getProperty(DCTerms.description));
        assertNotNull(found.getProperty(DCTerms.publisher));
        assertNotNull(found.getProperty(DCAT.contactPoint));
        assertNotNull(found.getProperty(DCTerms.temporal));
        assertEquals("https://schema.data.gouv.fr/" + SCHEMA, found.getProperty(DCTerms.conformsTo).getResource().getURI());
        assertEquals("http://publications.europa.eu/resource/authority/frequency/MONTHLY",
                found.getProperty(DCTerms.accrualPeriodicity).getResource().getURI());
        Resource distribution = found.getProperty(DCAT.distribution).getResource();
        assertEquals(landing + "/latest.csv", distribution.getProperty(DCAT.downloadURL).getResource().getURI());
        assertEquals(landing + "/latest.csv", distribution.getProperty(DCAT.accessURL).getResource().getURI());
        assertEquals("https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
                distribution.getProperty(DCTerms.license).getResource().getURI());
        assertTrue(model.listSubjectsWithProperty(RDF.type, DCAT.Catalog).hasNext());

        for (var format : List.of(new Object[] {"/catalog.jsonld", Lang.JSONLD}, new Object[] {"/catalog.rdf", Lang.RDFXML})) {
            Model other = fetch((String) format[0] + "?pageSize=500", (Lang) format[1]);
            assertTrue(other.listSubjectsWithProperty(RDF.type, DCAT.Dataset).hasNext(), (String) format[0]);
        }
        given().baseUri(Stack.PUBLISH).when().get(distribution.getProperty(DCAT.downloadURL).getResource().getURI()
                .substring(Stack.PUBLISH.length())).then().statusCode(200);
    }

    private JsonPath describe() {
        return given().baseUri(Stack.CATALOG).contentType("application/json")
                .body("""
                        {"title":"Arceaux vélo de la métropole",
                         "description":"Emplacements de stationnement vélo (arceaux, abris, consignes) gérés par la métropole, avec leur capacité et leur accès, mis à jour chaque mois depuis le système d'information géographique.",
                         "keywords":["vélo","stationnement","mobilité"],"theme":"Transports","licence":"etalab-2.0",
                         "frequency":"monthly","temporalStart":"2024-01-01","spatial":["38185","38"],
                         "contactName":"Service mobilités","contactEmail":"donnees@exemple.fr"}
                        """)
                .when().put("/api/v1/datasets/{org}/{dataset}", ORG, dataset)
                .then().statusCode(200).extract().jsonPath();
    }

    private JsonPath datasetView() {
        return given().baseUri(Stack.CATALOG).when().get("/api/v1/datasets/{org}/{dataset}", ORG, dataset)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Follows hydra:nextPage, as a harvester does, until the dataset shows up. */
    private static Resource findAcrossPages(String datasetUri) {
        String page = "/catalog.ttl?page=1&pageSize=50";
        for (int pages = 0; page != null && pages < 1000; pages++) {
            Model model = fetch(page, Lang.TURTLE);
            Resource candidate = model.getResource(datasetUri);
            if (model.contains(candidate, RDF.type, DCAT.Dataset)) {
                return candidate;
            }
            Statement next = model.listStatements(null, model.createProperty(HYDRA, "nextPage"), (String) null)
                    .nextOptional().orElse(null);
            page = next == null ? null : next.getString().substring(Stack.CATALOG.length());
        }
        return null;
    }

    private static Model fetch(String path, Lang lang) {
        byte[] body = given().baseUri(Stack.CATALOG).when().get(path).then().statusCode(200).extract().asByteArray();
        Model model = ModelFactory.createDefaultModel();
        RDFDataMgr.read(model, new ByteArrayInputStream(body), lang);
        return model;
    }
}
