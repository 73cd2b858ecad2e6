package fr.passerelle.quality.engine;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test classpath in a child JVM with a small heap, and returns its output lines. */
final class SmallHeap {

    private SmallHeap() {
    }

    static List<String> run(String heap, Class<?> main, List<String> args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The child JVM did not finish: " + output);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("The child JVM (-Xmx" + heap + ") exited with " + process.exitValue() + ":\n" + output);
        }
        return output.lines().filter(line -> !line.isBlank()).toList();
    }
}
