package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's « A walk with curl », run as written: its shell blocks are read from README.md, the
 * example file, the dataset and the upload id are put in, and each step runs in bash from the
 * repository's root against the real stack. If the README and the product drift apart, this fails.
 */
class ReadmeWalkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("(?m)^# (\\d+)\\. .*$");

    @Test
    void theReadmeWalkPublishesANationalExampleAsWritten() throws Exception {
        Walk walk = Walk.read(Stack.root().resolve("README.md"));
        assertEquals(5, walk.steps().size(), "the walk has five numbered steps: " + walk.steps());
        Path example = Csv.example("stationnement-cyclable", "exemple-valide.csv");
        String dataset = Pipeline.freshDataset("velos");

        // 1. Upload: the answer names the upload.
        String uploadAnswer = walk.run(0, example, dataset, null);
        String uploadId = firstJson(uploadAnswer).path("uploadId").asText("");
        assertFalse(uploadId.isEmpty(), "step 1 answers the upload's id: " + uploadAnswer);

        // 2. Follow it until it waits for approval; the report is the second answer of the step.
        List<JsonNode> followed = awaitStatus(walk, 1, example, dataset, uploadId, "AWAITING_APPROVAL");
        assertEquals(2, followed.size(), "step 2 prints the status then the report");
        assertEquals("VALID", followed.get(1).path("verdict").asText(), followed.get(1).toString());

        // 3. Describe: without a title and a description the first publication is refused.
        JsonNode described = firstJson(walk.run(2, example, dataset, uploadId));
        assertFalse(described.path("description").asText("").isBlank(), "step 3 describes the dataset: " + described);
        assertFalse(dataset.equals(described.path("title").asText()), "step 3 gives a readable title: " + described);

        // 4. Approve, with the command exactly as written (no body).
        JsonNode approved = firstJson(walk.run(3, example, dataset, uploadId));
        assertTrue(approved.path("approved").asBoolean(), "step 4 approves: " + approved);
        awaitStatus(walk, 1, example, dataset, uploadId, "PUBLISHED");

        // 5. Download: the published file has the example's rows.
        String published = walk.run(4, example, dataset, uploadId);
        List<List<String>> expected = Csv.trimmed(Csv.rows(example));
        assertEquals(expected, Csv.rows(published.getBytes(StandardCharsets.UTF_8)),
                "step 5 downloads the example's content");
    }

    private static List<JsonNode> awaitStatus(Walk walk, int step, Path file, String dataset, String uploadId,
                                              String expected) throws Exception {
        Instant deadline = Instant.now().plus(Pipeline.PATIENCE);
        List<JsonNode> answers = List.of();
        while (Instant.now().isBefore(deadline)) {
            answers = allJson(walk.run(step, file, dataset, uploadId));
            String status = answers.isEmpty() ? "" : answers.get(0).path("status").asText();
            if (expected.equals(status)) {
                return answers;
            }
            assertFalse(List.of("REJECTED", "BLOCKED", "FAILED").contains(status), "the walk's upload ended " + answers);
            Pipeline.sleep(500);
        }
        fail("the README's upload did not reach " + expected + " within " + Pipeline.PATIENCE + "; last: " + answers);
        return answers;
    }

    private static JsonNode firstJson(String text) throws IOException {
        List<JsonNode> all = allJson(text);
        assertFalse(all.isEmpty(), "a JSON answer: " + text);
        return all.get(0);
    }

    private static List<JsonNode> allJson(String text) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(text)) {
            while (values.hasNextValue()) {
                documents.add(values.nextValue());
            }
        }
        return documents;
    }

    /** The walk's shell text: what comes before « # 1. », then one command block per numbered step. */
    record Walk(String setup, List<String> steps) {

        static Walk read(Path readme) throws IOException {
            String text = Files.readString(readme);
            int start = text.indexOf("\n## A walk with curl");
            assertTrue(start >= 0, "README.md has a section « A walk with curl »");
            int end = text.indexOf("\n## ", start + 1);
            String section = text.substring(start, end < 0 ? text.length() : end);
            StringBuilder shell = new StringBuilder();
            Matcher block = Pattern.compile("(?s)```sh\\n(.*?)```").matcher(section);
            while (block.find()) {
                shell.append(block.group(1));
            }
            String commands = shell.toString();
            Matcher step = STEP.matcher(commands);
            List<Integer> starts = new ArrayList<>();
            while (step.find()) {
                starts.add(step.start());
            }
            assertFalse(starts.isEmpty(), "the walk numbers its steps « # 1. … »: " + commands);
            List<String> steps = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                steps.add(commands.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : commands.length()));
            }
            return new Walk(commands.substring(0, starts.get(0)), steps);
        }

        /** Runs step {@code index} after the setup lines, in bash at the repository's root; returns its output. */
        String run(int index, Path file, String dataset, String uploadId) throws Exception {
            String script = "set -euo pipefail\n" + setup + steps.get(index);
            script = script.replace("@stationnements.csv", "@" + file)
                    .replace("/velos/", "/" + dataset + "/")
                    .replace("/velos\n", "/" + dataset + "\n")
                    .replace("/velos ", "/" + dataset + " ");
            if (uploadId != null) {
                script = script.replace("<uploadId>", uploadId);
            }
            Process bash = new ProcessBuilder("bash", "-c", script).directory(Stack.root().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "step " + (index + 1) + " ended");
            assertEquals(0, bash.exitValue(), "step " + (index + 1) + " of the README ran:\n" + script + "\n" + output);
            return output;
        }
    }
}
