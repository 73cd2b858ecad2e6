package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.report.FixSample;
import fr.passerelle.quality.engine.schema.custom.FrenchTerritory;
import fr.passerelle.quality.engine.validation.ColumnMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Coordinates in metres from a French projection (Lambert-93, Lambert II étendu, CC42–CC50, UTM
 * overseas), converted to WGS84 decimal degrees. The projection is recognised over the whole
 * column: it is applied only when it is the one system that puts every projected point of the
 * file in France; when several do, nothing is converted and the clerk gets a suggestion.
 */
final class ReprojectionFix implements RowFix {

    private final PointCells point;
    private final FrenchProjection[] projections = FrenchProjection.values();
    private final FrenchProjection.ToWgs84[] converters = new FrenchProjection.ToWgs84[projections.length];
    /** Per projection: projected points it puts in France. */
    private final long[] inFrance = new long[projections.length];
    private long projected;
    private final Samples samples = new Samples();
    private FrenchProjection.ToWgs84 chosen;
    private String chosenLabel;

    ReprojectionFix(PointCells point) {
        this.point = point;
    }

    @Override
    public FixCode code() {
        return FixCode.REPROJECTION;
    }

    @Override
    public void observe(long row, List<String> cells, ColumnMapping columns) {
        Optional<PointCells.Point> read = point.read(cells, columns);
        if (read.isEmpty() || read.get().isDegrees()) {
            return;
        }
        projected++;
        samples.add(row, read.get().toString(), "");
        double x = read.get().x();
        double y = read.get().y();
        for (int p = 0; p < projections.length; p++) {
            if (projections[p].mayHold(x, y)) {
                Optional<double[]> lonLat = converter(p).convert(x, y);
                if (lonLat.isPresent() && FrenchTerritory.contains(lonLat.get()[0], lonLat.get()[1])) {
                    inFrance[p]++;
                }
            }
        }
    }

    @Override
    public boolean decide(FixLog log) {
        if (projected == 0) {
            return false;
        }
        List<Integer> fitting = new ArrayList<>();
        for (int p = 0; p < projections.length; p++) {
            if (inFrance[p] == projected) {
                fitting.add(p);
            }
        }
        if (fitting.size() == 1) {
            chosen = converter(fitting.get(0));
            chosenLabel = projections[fitting.get(0)].label();
            return true;
        }
        String message = fitting.isEmpty()
                ? "Les coordonnées (" + point.label() + ") semblent exprimées en mètres, mais aucune projection française "
                        + "connue ne place tous les points en France : convertissez-les en degrés décimaux (WGS84)."
                : "Les coordonnées (" + point.label() + ") sont en mètres et plusieurs projections les placent en France ("
                        + fitting.stream().map(p -> projections[p].label()).collect(Collectors.joining(", "))
                        + ") : elles n'ont pas été converties. Indiquez-les en degrés décimaux (WGS84).";
        log.suggested(code(), point.label(), message, projected, samples.list());
        return false;
    }

    @Override
    public void fix(long row, List<String> cells, ColumnMapping columns, FixLog log) {
        Optional<PointCells.Point> read = point.read(cells, columns);
        if (read.isEmpty() || read.get().isDegrees()) {
            return;
        }
        Optional<double[]> lonLat = chosen.convert(read.get().x(), read.get().y());
        if (lonLat.isEmpty() || !FrenchTerritory.contains(lonLat.get()[0], lonLat.get()[1])) {
            return;
        }
        point.writeDegrees(cells, columns, lonLat.get()[0], lonLat.get()[1]);
        log.applied(code(), point.label(), "Les coordonnées (" + point.label() + ") étaient en " + chosenLabel
                        + " : elles ont été converties en degrés décimaux WGS84.",
                new FixSample(row, read.get().toString(),
                        PointCells.degrees(lonLat.get()[0]) + " ; " + PointCells.degrees(lonLat.get()[1])));
    }

    private FrenchProjection.ToWgs84 converter(int p) {
        if (converters[p] == null) {
            converters[p] = new FrenchProjection.ToWgs84(projections[p]);
        }
        return converters[p];
    }
}
