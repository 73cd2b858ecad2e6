package fr.passerelle.quality.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.schema.CatalogueNames;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot the engine ships against the reference copy ({@code ../shared/schemas}) when this machine has one:
 * a schema added or changed there fails here, so that someone copies it in (see the snapshot's README.md).
 */
class ShippedSnapshotTest {

    @Test
    void theIndexListsEverySchemaFolderShipped() throws IOException {
        List<String> folders;
        try (Stream<Path> entries = Files.list(ShippedSchemas.schemasDir())) {
            folders = entries.filter(Files::isDirectory).map(dir -> dir.getFileName().toString())
                    .filter(name -> !name.startsWith("_")).sorted().toList();
        }
        assertEquals(folders, SchemaCatalog.shippedNames().stream().sorted().toList());
        for (String name : folders) {
            Path source = ShippedSchemas.schemasDir().resolve(name).resolve("SOURCE.txt");
            assertTrue(Files.isRegularFile(source), name + " has its SOURCE.txt");
            String text = Files.readString(source);
            assertTrue(text.contains("licence"), name + " names its licence");
            assertTrue(text.contains("commit"), name + " names the commit it was taken from");
        }
    }

    @Test
    void theShippedSnapshotIsTheReferenceCopyWhenThereIsOne() throws IOException {
        Optional<Path> reference = ShippedSchemas.referenceCopy();
        if (reference.isEmpty()) {
            // A clone with nothing beside it: the snapshot is all there is, and the other tests check it.
            assertTrue(SchemaCatalog.shippedNames().size() >= 14);
            return;
        }
        assertEquals(files(reference.get()), files(ShippedSchemas.schemasDir()),
                "copy the schemas of " + reference.get() + " into the engine's resources (see the snapshot's README.md)");
    }

    /** The reference copy's schemas.json (schema.data.gouv.fr's catalogue): a refresh finds every listed schema by its name. */
    @Test
    void everyShippedSchemaTheCatalogueListsIsFoundThereByItsName() throws IOException {
        Optional<Path> reference = ShippedSchemas.referenceCopy().map(dir -> dir.resolve("_catalog/schemas.json"))
                .filter(Files::isRegularFile);
        if (reference.isEmpty()) {
            assertEquals("lieux-stationnement", CatalogueNames.registryName("etalab/schema-stationnement"));
            return;
        }
        java.util.Set<String> listed = new java.util.TreeSet<>();
        new ObjectMapper().readTree(reference.get().toFile()).path("schemas")
                .forEach(schema -> listed.add(CatalogueNames.registryName(schema.path("name").asText())));
        List<String> missing = SchemaCatalog.shippedNames().stream().filter(name -> !listed.contains(name)).toList();
        // Their SOURCE.txt says so: not listed by schema.data.gouv.fr.
        assertEquals(List.of("catalogue-donnees", "inclusion-numerique"), missing);
    }

    /** Each schema folder's files (not the catalogue's, nor the snapshot's own README, index and references), with their bytes. */
    private static TreeMap<String, String> files(Path root) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.contains("/") && !relative.startsWith("_")) {
                    files.put(relative, HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(file))));
                }
            }
        }
        return files;
    }
}
