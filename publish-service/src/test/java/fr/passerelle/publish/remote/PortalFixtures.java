package fr.passerelle.publish.remote;

import fr.passerelle.contracts.CatalogueSchema;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.PublicationRequested;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An IRVE dataset of Grenoble as the catalogue asks for its publication, for the connectors' tests. */
final class PortalFixtures {

    static final CatalogueSchema IRVE = new CatalogueSchema("etalab/schema-irve-statique", "2.3.1",
            "https://schema.data.gouv.fr/schemas/etalab/schema-irve-statique/2.3.1/schema-statique.json");

    private PortalFixtures() {
    }

    static DatasetMetadata metadata(List<String> spatial) {
        return new DatasetMetadata("Bornes de recharge", "Les bornes de la ville.", List.of("irve", "mobilité"),
                "etalab-2.0", "monthly", "Transports", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), spatial,
                "Service données", "donnees@grenoble.fr");
    }

    static PublicationRequested request(int version, DatasetMetadata metadata, CatalogueSchema schema) {
        return new PublicationRequested(UUID.randomUUID().toString(), "grenoble", "bornes", version, "irve-statique",
                new ObjectRef("clean", "grenoble/bornes/v" + version + ".csv", "00", 10), metadata, Instant.now(),
                schema);
    }
}
