package fr.passerelle.quality.engine.corpus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The scorer's totals over a corpus run, and the table it prints. */
public final class ScoreBoard {

    private final String title;
    private final List<FileScore> scores = new ArrayList<>();

    public ScoreBoard(String title) {
        this.title = title;
    }

    public void add(FileScore score) {
        scores.add(score);
    }

    public List<FileScore> scores() {
        return List.copyOf(scores);
    }

    public long cells() {
        return scores.stream().filter(FileScore::expectedToPublish).mapToLong(FileScore::cells).sum();
    }

    public long rightCells() {
        return scores.stream().filter(FileScore::expectedToPublish).mapToLong(FileScore::right).sum();
    }

    public double rightPercent() {
        return cells() == 0 ? 0 : 100.0 * rightCells() / cells();
    }

    /** Cells that reached the file as the truth has them and were published otherwise. */
    public long brokenCells() {
        return scores.stream().mapToLong(FileScore::broken).sum();
    }

    public long filesToPublish() {
        return scores.stream().filter(FileScore::expectedToPublish).count();
    }

    public long perfectFiles() {
        return scores.stream().filter(FileScore::perfect).count();
    }

    public long rejectedFiles() {
        return scores.stream().filter(FileScore::rejected).count();
    }

    public long readFiles() {
        return scores.stream().filter(FileScore::read).count();
    }

    public long personalDataFiles() {
        return scores.stream().filter(score -> score.file().expectBlocked()).count();
    }

    public long blockedAsExpected() {
        return scores.stream().filter(FileScore::blockedAsExpected).count();
    }

    public void print(PrintStream out) {
        out.println("== " + title + " : " + scores.size() + " fichiers, " + scores.stream().map(s -> s.file().schema()).distinct().count() + " schémas");
        out.printf("%-44s %-9s %-8s %7s %7s %6s  %s%n", "fichier", "attendu", "verdict", "cellules", "justes", "cassées", "désordres");
        for (FileScore score : scores) {
            out.printf("%-44s %-9s %-8s %7d %7d %6d  %s%n", score.file().name(), score.file().expected(), score.verdict(),
                    score.cells(), score.right(), score.broken(), String.join(" + ", score.file().messes()));
        }
        long wrong = cells() - rightCells();
        out.printf(Locale.ROOT, "cells right: %d / %d (%.2f %%)%n", rightCells(), cells(), rightPercent());
        out.println("wrong cells: " + wrong);
        // A few examples: the first two wrong cells of each file that has some.
        scores.stream().filter(score -> score.right() < score.cells() && "VALID".equals(score.verdict()))
                .flatMap(score -> score.wrong().stream().limit(2)).limit(30).forEach(cell -> out.println("  " + cell));
        scores.stream().filter(score -> !score.reason().isEmpty() && score.expectedToPublish())
                .forEach(score -> out.println("  " + score.file().name() + " : " + score.reason()));
        out.println("cells changed that were right in the truth: " + brokenCells());
        out.println("files perfect: " + perfectFiles() + " / " + filesToPublish());
        out.println("files rejected: " + rejectedFiles() + " / " + filesToPublish());
        out.println("files read: " + readFiles() + " / " + scores.size());
        out.println("personal data BLOCKED as expected: " + blockedAsExpected() + " / " + personalDataFiles());
    }
}
