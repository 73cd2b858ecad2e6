package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/**
 * An IRVE file of a commune (the national example's valid row) waiting for approval, with its dataset described in
 * the catalogue as a publisher would: what the portals' tests publish to see the schema and metadata arrive.
 */
final class IrveDataset {

    static final String SCHEMA = "irve-statique";
    /** How schema.data.gouv.fr's catalogue names the schema the engine ships, and the version it lists for it. */
    static final String CATALOGUE_NAME = "etalab/schema-irve-statique";
    static final String CATALOGUE_VERSION = "2.3.1";
    static final String SCHEMA_URL =
            "https://schema.data.gouv.fr/schemas/etalab/schema-irve-statique/2.3.1/schema-statique.json";

    private IrveDataset() {
    }

    /** Uploads the file, waits for AWAITING_APPROVAL, describes the dataset; returns the upload's id. */
    /**
     * The IRVE file awaiting approval, a portal connected by {@code connect} (given the dataset), the version
     * approved and published: the portal's target once its first push has ended, whatever its outcome.
     */
    static java.util.Map<String, Object> approvedAndPushed(String organization, String dataset, List<String> spatial,
                                                         java.util.function.Consumer<String> connect) {
        String upload = awaitingApproval(organization, dataset, spatial);
        connect.accept(dataset);
        Pipeline.approve(organization, dataset);
        Pipeline.awaitStatus(upload, "PUBLISHED");
        return Pipeline.awaitRemoteTarget(organization, dataset, 1);
    }

    static String awaitingApproval(String organization, String dataset, List<String> spatial) {
        List<List<String>> rows = Csv.rows(Csv.example(SCHEMA, "exemple-valide-statique.csv"));
        String upload = Pipeline.accepted(organization, dataset, SCHEMA, "bornes.csv",
                Csv.asFrenchExcelExport(rows.subList(0, 2)));
        Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        given().baseUri(Stack.CATALOG).contentType("application/json")
                .body(Map.of("title", "Bornes de recharge de la ville", "description",
                        "Les points de recharge pour véhicules électriques de la commune.",
                        "keywords", List.of("irve", "mobilité électrique"), "licence", "etalab-2.0",
                        "frequency", "monthly", "temporalStart", "2026-01-01", "temporalEnd", "2026-12-31",
                        "spatial", spatial, "contactName", "Service des données",
                        "contactEmail", "donnees@ville.fr"))
                .when().put("/api/v1/datasets/{org}/{dataset}", organization, dataset).then().statusCode(200);
        return upload;
    }

    /** The catalogue names the version's schema as schema.data.gouv.fr does: what the portals were told. */
    static void assertCatalogueSchemaRecorded(String organization, String dataset) {
        JsonPath versions = given().baseUri(Stack.CATALOG)
                .when().get("/api/v1/datasets/{org}/{dataset}/versions", organization, dataset)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(CATALOGUE_NAME, versions.getString("[0].catalogueSchema.name"), versions.prettify());
        assertEquals(CATALOGUE_VERSION, versions.getString("[0].catalogueSchema.version"));
    }
}
