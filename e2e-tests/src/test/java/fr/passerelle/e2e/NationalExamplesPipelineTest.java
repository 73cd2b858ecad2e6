package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every official valid example the project ships, uploaded with its schema as a person would: held for approval,
 * approved with the README's command (no body), published. The GeoJSON kind is checked and said not published.
 */
class NationalExamplesPipelineTest {

    private static final String ORG = "exemples-nationaux";

    static Stream<Path> validExamples() throws IOException {
        List<Path> examples = new ArrayList<>();
        for (String schema : Files.readAllLines(Stack.shippedSchemas().resolve("index.txt"))) {
            Path folder = Stack.shippedSchemas().resolve(schema.strip()).resolve("examples");
            if (schema.isBlank() || !Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(file -> file.getFileName().toString().startsWith("exemple-valide")).sorted().forEach(examples::add);
            }
        }
        assertTrue(examples.size() >= 9, "the shipped examples: " + examples);
        return examples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void aShippedValidExampleIsPublishedAfterTheReadmesApproval(Path example) throws IOException {
        String schema = example.getParent().getParent().getFileName().toString();
        String dataset = Pipeline.freshDataset(schema.length() > 20 ? schema.substring(0, 20) : schema);
        String upload = Pipeline.accepted(ORG, dataset, schema, example.getFileName().toString(), Files.readAllBytes(example));

        if (example.toString().endsWith(".json")) {
            // A GeoJSON schema: checked against its JSON Schema, then said plainly that Passerelle does not publish it.
            JsonPath status = Pipeline.awaitStatus(upload, "REJECTED");
            assertTrue(status.getString("summary").contains("ne publie pas encore les fichiers GeoJSON"), status.prettify());
            assertFalse(status.getString("summary").contains("Exception"), status.prettify());
            return;
        }
        JsonPath waiting = Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        assertEquals("VALID", waiting.getString("verdict"), waiting.prettify());

        // The README's step 3: a POST without a body, once the first publication's metadata are there.
        Pipeline.describeForFirstPublication(ORG, dataset);
        Response approved = Auth.with(Auth.as("publieur@" + ORG + ".fr", ORG, "publisher")).baseUri(Stack.CATALOG)
                .when().post("/api/v1/datasets/{org}/{dataset}/approval", ORG, dataset);
        assertEquals(200, approved.statusCode(), approved.asString());
        Pipeline.awaitStatus(upload, "PUBLISHED");
        Response latest = Pipeline.latestCsv(ORG, dataset);
        assertEquals(200, latest.statusCode());
        assertTrue(Csv.rows(latest.asByteArray()).size() >= 2, "the published file has the example's rows");
    }
}
