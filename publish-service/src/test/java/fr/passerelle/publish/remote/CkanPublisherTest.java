package fr.passerelle.publish.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.CatalogueSchema;
import fr.passerelle.contracts.PublicationRequested;
import fr.passerelle.portals.CkanContractServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CKAN connector against the CKAN contract server, which validates the schema as ckanext-validation does. */
class CkanPublisherTest {

    @TempDir
    Path dir;

    private CkanContractServer ckan;
    private final CkanPublisher publisher = new CkanPublisher(LocalGuard.GUARD);

    @BeforeEach
    void start() throws IOException {
        ckan = new CkanContractServer();
    }

    @AfterEach
    void stop() {
        ckan.close();
    }

    private void publish(PublicationRequested request) throws Exception {
        publish(request, irveExample());
    }

    /** The national example of an IRVE file: what the CKAN server's validation accepts. */
    private static String irveExample() throws IOException {
        try (var in = CkanPublisherTest.class.getClassLoader().getResourceAsStream(
                "fr/passerelle/quality/engine/schemas/irve-statique/examples/exemple-valide-statique.csv")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void publish(PublicationRequested request, String csv) throws Exception {
        Path file = Files.writeString(Files.createTempFile(dir, "clean-", ".csv"), csv);
        publisher.publish(new RemoteTarget("grenoble", "bornes", CkanPublisher.KIND, ckan.apiUrl(),
                CkanContractServer.ORGANIZATION, CkanContractServer.TOKEN, null, null), request, file, (d, r) -> { });
    }

    @Test
    void thePackageIsPrivateUntilTheResourceDeclaresItsSchemaUrl() throws Exception {
        publish(PortalFixtures.request(1, PortalFixtures.metadata(List.of("38185")), PortalFixtures.IRVE));

        String packageId = ckan.packages.keySet().iterator().next();
        String resourceId = ckan.resourcePackage.keySet().iterator().next();
        assertTrue(ckan.isPublic(packageId));
        assertEquals(PortalFixtures.IRVE.url(), ckan.resourceFields.get(resourceId).get("schema"));
        assertEquals("success", ckan.resourceFields.get(resourceId).get("validation_status"), "validated on upload");
        assertEquals("donnees@grenoble.fr", ckan.packages.get(packageId).path("maintainer_email").asText());
    }

    @Test
    void aSchemaCkanextValidationCannotReadLeavesThePackagePrivate() {
        CatalogueSchema unknown = new CatalogueSchema("ville/arbres", null, "https://exemple.fr/arbres.json");

        RemoteFailure failure = assertThrows(RemoteFailure.class,
                () -> publish(PortalFixtures.request(1, PortalFixtures.metadata(null), unknown)));

        assertTrue(failure.getMessage().contains("a refusé le schéma déclaré"), failure.getMessage());
        assertFalse(ckan.isPublic(ckan.packages.keySet().iterator().next()), "nothing half-public");
    }

    @Test
    void aFileTheValidationRefusesIsSaidInFrenchAndLeavesThePackagePrivate() throws Exception {
        String header = irveExample().lines().findFirst().orElseThrow();

        RemoteFailure failure = assertThrows(RemoteFailure.class, () -> publish(
                PortalFixtures.request(1, PortalFixtures.metadata(null), PortalFixtures.IRVE),
                header.replace("nom_amenageur,", "") + "\n"));

        assertTrue(failure.getMessage().contains("a refusé le fichier, que sa validation (ckanext-validation) trouve"
                + " non conforme au schéma déclaré (409)"), failure.getMessage());
        assertFalse(failure.retryable(), "the file must change, not the moment");
        assertFalse(ckan.isPublic(ckan.packages.keySet().iterator().next()), "nothing half-public");
        assertTrue(ckan.uploads.isEmpty(), "no resource was written");
    }

    @Test
    void anOrganisationsOwnSchemaIsNotValidatedByThePortalAndDeclaresNothing() throws Exception {
        publish(PortalFixtures.request(1, PortalFixtures.metadata(null), null), "arbre,hauteur\nchêne,12\n");

        String resourceId = ckan.resourcePackage.keySet().iterator().next();
        assertFalse(ckan.resourceFields.get(resourceId).containsKey("schema"));
        assertFalse(ckan.resourceFields.get(resourceId).containsKey("validation_status"));
        assertTrue(ckan.isPublic(ckan.resourcePackage.get(resourceId)));
    }
}
