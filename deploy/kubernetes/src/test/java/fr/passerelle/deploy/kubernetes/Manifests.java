package fr.passerelle.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the YAML documents of deploy/kubernetes (the tests run from that folder). */
final class Manifests {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path BASE = ROOT.resolve("base");
    static final Path OVERLAYS = ROOT.resolve("overlays");
    /** The repository's root: the services' sources and configuration are read from there. */
    static final Path REPOSITORY = ROOT.getParent().getParent();

    /** Names of variables that hold a secret: a password, a key, a token, a JAAS configuration (its password in it). */
    static final Pattern SECRETISH = Pattern.compile("(?i).*(password|secret|token|api_?key|private|jaas|signing_?key).*");

    static final ObjectMapper JSON = new ObjectMapper();

    private static final YAMLMapper YAML = new YAMLMapper();

    private Manifests() {
    }

    /** Every YAML file under base/ and overlays/. */
    static List<Path> files() {
        try (Stream<Path> walk = Stream.concat(Files.walk(BASE), Files.walk(OVERLAYS))) {
            return walk.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of one file, comments-only documents left out. */
    static List<Manifest> read(Path file) {
        List<Manifest> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            int index = 0;
            while (docs.hasNext()) {
                JsonNode body = docs.next();
                if (body != null && !body.isNull() && !body.isMissingNode() && !body.isEmpty()) {
                    documents.add(new Manifest(file, index, body));
                }
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return documents;
    }

    /** The resources of the base (what {@code kubectl apply -k base} creates), kustomization files left out. */
    static List<Manifest> base() {
        return files().stream().filter(file -> file.startsWith(BASE))
                .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                .flatMap(file -> read(file).stream()).toList();
    }

    static List<Manifest> ofKind(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(manifest -> manifest.kind().equals(kind)).toList();
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
