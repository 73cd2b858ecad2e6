package fr.passerelle.quality.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.annotate.AnnotationFormat;
import fr.passerelle.quality.engine.annotate.ReportOutputs;
import fr.passerelle.quality.engine.report.QualityReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every output of one check of a file: its report (and as JSON), clean file, full error list and annotated CSV; for
 * the tests that run a file two ways and expect the same outputs, byte for byte.
 */
record CheckOutputs(QualityReport parsed, String report, byte[] clean, byte[] errorList, byte[] annotated) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static CheckOutputs of(QualityCheck check, Path raw) throws IOException {
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        ByteArrayOutputStream errorList = new ByteArrayOutputStream();
        ByteArrayOutputStream annotated = new ByteArrayOutputStream();
        QualityReport report = check.run(raw, clean, ReportOutputs.none().withErrorList(errorList)
                .withAnnotated(annotated, AnnotationFormat.CSV));
        return new CheckOutputs(report, json(report), clean.toByteArray(), errorList.toByteArray(),
                annotated.toByteArray());
    }

    static String json(QualityReport report) throws JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }

    /** Asserts each output the same as {@code expected}'s, {@code what} naming the run in the messages. */
    void assertSameAs(CheckOutputs expected, String what) {
        assertEquals(expected.report(), report(), what + ": report");
        assertArrayEquals(expected.clean(), clean(), what + ": clean file");
        assertArrayEquals(expected.errorList(), errorList(), what + ": full error list");
        assertArrayEquals(expected.annotated(), annotated(), what + ": annotated file");
    }
}
