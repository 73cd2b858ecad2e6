package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

/**
 * Coordinates from a GIS in Lambert-93 metres: a point field becomes two columns COORD_X and COORD_Y; a
 * longitude/latitude pair keeps its columns but holds metres.
 */
final class Lambert93Columns implements Mess {

    @Override
    public String name() {
        return "lambert93";
    }

    @Override
    public boolean fits(TableSchema schema) {
        return PointColumns.of(schema).isPresent();
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        PointColumns point = PointColumns.of(schema).orElseThrow();
        if (point.isGeopoint()) {
            int column = table.column(point.geopoint());
            table.insertColumn(column + 1, "COORD_Y", null, row -> projected(row.cells().get(column))[1]);
            table.insertColumn(column + 1, "COORD_X", null, row -> projected(row.cells().get(column))[0]);
            table.removeColumn(column);
        } else {
            int x = table.column(point.longitude());
            int y = table.column(point.latitude());
            for (MessyTable.MessyRow row : table.rows) {
                String[] metres = Lambert93.project(Double.parseDouble(row.cells().get(x)), Double.parseDouble(row.cells().get(y)));
                row.cells().set(x, metres[0]);
                row.cells().set(y, metres[1]);
            }
        }
    }

    private static String[] projected(String cell) {
        double[] lonLat = PointColumns.lonLat(cell);
        return Lambert93.project(lonLat[0], lonLat[1]);
    }
}
