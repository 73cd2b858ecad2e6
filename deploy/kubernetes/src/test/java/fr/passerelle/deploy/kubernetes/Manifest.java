package fr.passerelle.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** One YAML document of deploy/kubernetes: where it is, and what it says. */
record Manifest(Path file, int index, JsonNode body) {

    String apiVersion() {
        return body.path("apiVersion").asText();
    }

    String kind() {
        return body.path("kind").asText();
    }

    String name() {
        return body.path("metadata").path("name").asText();
    }

    JsonNode spec() {
        return body.path("spec");
    }

    String group() {
        String apiVersion = apiVersion();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    @Override
    public String toString() {
        return kind() + " " + name() + " (" + file.getFileName() + " #" + index + ")";
    }
}
