package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.report.FixSample;
import fr.passerelle.quality.engine.schema.custom.FrenchTerritory;
import fr.passerelle.quality.engine.validation.ColumnMapping;

import java.util.List;
import java.util.Optional;

/**
 * Latitude written where the longitude belongs and the other way round: swapped on each row whose
 * point falls outside France as written and inside once swapped (France's boxes leave no doubt:
 * no French latitude is a French longitude).
 */
final class LatLonSwapFix implements RowFix {

    private final PointCells point;
    private long swapped;

    LatLonSwapFix(PointCells point) {
        this.point = point;
    }

    @Override
    public FixCode code() {
        return FixCode.LATLON_SWAP;
    }

    @Override
    public void observe(long row, List<String> cells, ColumnMapping columns) {
        if (swappedPoint(cells, columns).isPresent()) {
            swapped++;
        }
    }

    @Override
    public boolean decide(FixLog log) {
        return swapped > 0;
    }

    @Override
    public void fix(long row, List<String> cells, ColumnMapping columns, FixLog log) {
        Optional<PointCells.Point> read = swappedPoint(cells, columns);
        if (read.isEmpty()) {
            return;
        }
        PointCells.Point p = read.get();
        point.write(cells, columns, p.yText(), p.xText());
        log.applied(code(), point.label(), "La latitude et la longitude (" + point.label() + ") étaient inversées : elles "
                + "ont été remises dans l'ordre, le point tombant alors en France.",
                new FixSample(row, p.toString(), p.yText() + " ; " + p.xText()));
    }

    private Optional<PointCells.Point> swappedPoint(List<String> cells, ColumnMapping columns) {
        return point.read(cells, columns).filter(p -> p.isDegrees() && !FrenchTerritory.contains(p.x(), p.y())
                && FrenchTerritory.contains(p.y(), p.x()));
    }
}
