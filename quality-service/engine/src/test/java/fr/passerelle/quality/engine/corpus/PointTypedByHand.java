package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

/** A point typed in one cell the clerk's way: latitude first, decimal commas, "48,856614 ; 2,352222". */
final class PointTypedByHand implements Mess {

    @Override
    public String name() {
        return "point-lat;lon";
    }

    @Override
    public boolean fits(TableSchema schema) {
        return PointColumns.of(schema).filter(PointColumns::isGeopoint).isPresent();
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        PointColumns point = PointColumns.of(schema).orElseThrow();
        table.rewrite(point.geopoint(), cell -> {
            double[] lonLat = PointColumns.lonLat(cell);
            return (Fake.plain(lonLat[1]) + " ; " + Fake.plain(lonLat[0])).replace('.', ',');
        });
    }
}
