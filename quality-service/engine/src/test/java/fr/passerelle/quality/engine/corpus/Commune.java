package fr.passerelle.quality.engine.corpus;

import java.util.List;

/** A real commune: its INSEE code, a postcode, its town hall's position (WGS84), department and region. */
record Commune(String insee, String name, String postcode, double latitude, double longitude, String department,
               String region) {

    /** Five of them in departments 01 to 09, whose codes lose their leading zero in a spreadsheet. */
    static final List<Commune> ALL = List.of(
            new Commune("01053", "Bourg-en-Bresse", "01000", 46.2052, 5.2255, "Ain", "Auvergne-Rhône-Alpes"),
            new Commune("02691", "Saint-Quentin", "02100", 49.8465, 3.2876, "Aisne", "Hauts-de-France"),
            new Commune("06088", "Nice", "06000", 43.7102, 7.2620, "Alpes-Maritimes", "Provence-Alpes-Côte d'Azur"),
            new Commune("07186", "Privas", "07000", 44.7353, 4.5992, "Ardèche", "Auvergne-Rhône-Alpes"),
            new Commune("09122", "Foix", "09000", 42.9649, 1.6053, "Ariège", "Occitanie"),
            new Commune("21231", "Dijon", "21000", 47.3220, 5.0415, "Côte-d'Or", "Bourgogne-Franche-Comté"),
            new Commune("29019", "Brest", "29200", 48.3904, -4.4861, "Finistère", "Bretagne"),
            new Commune("33063", "Bordeaux", "33000", 44.8378, -0.5792, "Gironde", "Nouvelle-Aquitaine"),
            new Commune("35238", "Rennes", "35000", 48.1173, -1.6778, "Ille-et-Vilaine", "Bretagne"),
            new Commune("38185", "Grenoble", "38000", 45.1885, 5.7245, "Isère", "Auvergne-Rhône-Alpes"),
            new Commune("44109", "Nantes", "44000", 47.2184, -1.5536, "Loire-Atlantique", "Pays de la Loire"),
            new Commune("59350", "Lille", "59000", 50.6292, 3.0573, "Nord", "Hauts-de-France"),
            new Commune("67482", "Strasbourg", "67000", 48.5734, 7.7521, "Bas-Rhin", "Grand Est"),
            new Commune("69123", "Lyon", "69001", 45.7640, 4.8357, "Rhône", "Auvergne-Rhône-Alpes"),
            new Commune("76540", "Rouen", "76000", 49.4432, 1.0999, "Seine-Maritime", "Normandie"),
            new Commune("86194", "Poitiers", "86000", 46.5802, 0.3404, "Vienne", "Nouvelle-Aquitaine"));

    /** The communes of departments 01 to 09 only: a file where every code has a leading zero to lose. */
    static final List<Commune> LEADING_ZERO = ALL.subList(0, 5);
}
