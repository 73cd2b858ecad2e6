package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.report.AppliedFix;
import fr.passerelle.quality.engine.report.FixSample;

import java.util.ArrayList;
import java.util.List;

/** The first few examples a profile keeps for a suggestion: at most {@link AppliedFix#MAX_SAMPLES}, whatever the file's size. */
final class Samples {

    private final List<FixSample> samples = new ArrayList<>(AppliedFix.MAX_SAMPLES);

    void add(long row, String before, String after) {
        if (samples.size() < AppliedFix.MAX_SAMPLES) {
            samples.add(new FixSample(row, before, after));
        }
    }

    List<FixSample> list() {
        return List.copyOf(samples);
    }
}
