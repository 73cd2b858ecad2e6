import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes an IRVE-shaped CSV (every field of irve-statique v2.3.0, in schema order) of N charging
 * points grouped by station, with about 7 % of rows carrying one realistic defect, and a sidecar
 * {@code .defects} file counting each kind of defect so the bench can tell what a validator should
 * have found. Deterministic for a given seed; streams, so memory does not grow with N.
 *
 * <p>Usage: {@code java -cp fastcsv.jar:classes IrveCsvGenerator ROWS SEED OUT.csv}
 */
public final class IrveCsvGenerator {

    /** The schema's fields, in its order; a validator reading columns by position needs this. */
    static final String[] HEADER = {
        "nom_amenageur", "siren_amenageur", "contact_amenageur", "nom_operateur", "contact_operateur",
        "telephone_operateur", "nom_enseigne", "id_station_itinerance", "id_station_local", "nom_station",
        "implantation_station", "adresse_station", "code_insee_commune", "coordonneesXY", "nbre_pdc",
        "id_pdc_itinerance", "id_pdc_local", "puissance_nominale", "prise_type_ef", "prise_type_2",
        "prise_type_combo_ccs", "prise_type_chademo", "prise_type_autre", "gratuit", "paiement_acte",
        "paiement_cb", "paiement_autre", "tarification", "condition_acces", "reservation", "horaires",
        "accessibilite_pmr", "restriction_gabarit", "station_deux_roues", "raccordement", "num_pdl",
        "date_mise_en_service", "observations", "date_maj", "cable_t2_attache"};

    /**
     * One defect per faulty row. {@code seenBySchema} says whether the irve-statique schema lets a
     * Table Schema validator notice it (it has no custom check, no unique constraint and no
     * primary key, so a swapped point, a wrong SIREN key or a repeated id pass).
     */
    enum Defect {
        FRENCH_DATE("date_maj written DD/MM/YYYY", true),
        DECIMAL_COMMA("puissance_nominale with a decimal comma", true),
        BAD_ENUM("implantation_station or condition_acces not in its enum", true),
        MISSING_REQUIRED("nom_station, contact_operateur or date_maj empty (required)", true),
        LAMBERT93_POINT("coordonneesXY in Lambert 93 metres instead of WGS 84", true),
        SIREN_WITH_SPACES("siren_amenageur written with spaces", true),
        BAD_BOOLEAN("boolean written oui/non", true),
        BAD_EMAIL("contact_operateur not an e-mail address", true),
        BAD_PDC_ID("id_pdc_itinerance with dashes", true),
        DUPLICATE_ROW("row repeated verbatim (only a duplicate-row check sees it)", true),
        SWAPPED_POINT("latitude and longitude swapped, out of France (no custom check in the schema)", false),
        SIREN_BAD_KEY("9-digit SIREN with a wrong Luhn key (the schema only has a pattern)", false),
        REPEATED_PDC_ID("id_pdc_itinerance repeated (the schema has no unique constraint)", false);

        final String description;
        final boolean seenBySchema;

        Defect(String description, boolean seenBySchema) {
            this.description = description;
            this.seenBySchema = seenBySchema;
        }
    }

    static final double DEFECT_RATE = 0.07;

    record Company(String name, String siren, String domain, String operatorCode) {}

    record Commune(String name, String insee, String postcode, double lon, double lat) {}

    static final List<Commune> COMMUNES = List.of(
        new Commune("Paris", "75056", "75011", 2.3522, 48.8566),
        new Commune("Lyon", "69123", "69003", 4.8357, 45.7640),
        new Commune("Marseille", "13055", "13008", 5.3698, 43.2965),
        new Commune("Toulouse", "31555", "31000", 1.4442, 43.6047),
        new Commune("Nantes", "44109", "44000", -1.5536, 47.2184),
        new Commune("Strasbourg", "67482", "67000", 7.7521, 48.5734),
        new Commune("Lille", "59350", "59000", 3.0573, 50.6292),
        new Commune("Rennes", "35238", "35000", -1.6778, 48.1173),
        new Commune("Brest", "29019", "29200", -4.4861, 48.3904),
        new Commune("Dijon", "21231", "21000", 5.0415, 47.3220),
        new Commune("Clermont-Ferrand", "63113", "63000", 3.0870, 45.7772),
        new Commune("Bordeaux", "33063", "33000", -0.5792, 44.8378),
        new Commune("Montpellier", "34172", "34000", 3.8767, 43.6108),
        new Commune("Grenoble", "38185", "38000", 5.7245, 45.1885),
        new Commune("Rouen", "76540", "76000", 1.0993, 49.4432),
        new Commune("Limoges", "87085", "87000", 1.2611, 45.8336),
        new Commune("Colmar", "68066", "68000", 7.3585, 48.0794),
        new Commune("Ajaccio", "2A004", "20000", 8.7369, 41.9192),
        new Commune("Bastia", "2B033", "20200", 9.4509, 42.6977),
        new Commune("Saint-Denis", "97411", "97400", 55.4481, -20.8821),
        new Commune("Fort-de-France", "97209", "97200", -61.0588, 14.6161),
        new Commune("Pointe-à-Pitre", "97120", "97110", -61.5331, 16.2411),
        new Commune("Annecy", "74010", "74000", 6.1294, 45.8992),
        new Commune("Quimper", "29232", "29000", -4.0970, 47.9960),
        new Commune("Périgueux", "24322", "24000", 0.7211, 45.1843));

    static final String[] STREETS = {
        "rue de la République", "avenue Jean Jaurès", "place de la Mairie", "rue Victor Hugo",
        "boulevard Gambetta", "rue du Général de Gaulle", "allée des Tilleuls", "rue Pasteur",
        "chemin du Moulin", "parking du Centre commercial", "rue de l'Église", "avenue de la Gare"};
    static final String[] STATION_PLACES = {
        "Mairie", "Gare", "Centre", "Hôtel de ville", "Marché couvert", "Zone commerciale Nord",
        "Piscine", "Médiathèque", "Parking relais", "Aire de covoiturage"};
    static final String[] IMPLANTATIONS = {
        "Voirie", "Parking public", "Parking privé à usage public",
        "Parking privé réservé à la clientèle", "Station dédiée à la recharge rapide"};
    static final String[] PMR = {
        "Réservé PMR", "Accessible mais non réservé PMR", "Non accessible", "Accessibilité inconnue"};
    static final String[] HORAIRES = {
        "24/7", "24/7", "24/7", "Mo-Fr 08:00-19:00", "Mo-Sa 07:00-21:00",
        "Mo-Fr 08:00-12:00,Mo-Fr 14:00-18:00,Sa 09:00-12:00"};
    static final String[] GABARITS = {"Hauteur maximale 2m", "Hauteur maximale 2,10m", "Aucune", "Inconnu"};
    static final String[] TARIFS = {
        "", "0,35 € / kWh", "0,45 €/kWh pour les non abonnés", "Gratuit pour les abonnés", "0,25 €/min"};
    static final String[] OBSERVATIONS = {
        "", "", "", "", "Recharge disponible aux heures d'ouverture du parking",
        "Badge du réseau nécessaire", "Borne partagée avec la place voisine"};
    static final double[] POWERS = {3.7, 7.4, 11, 22, 22, 22, 50, 100, 150, 350};
    static final String ULID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
    static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SplittableRandom random;
    private final Company[] companies;
    private final Map<Defect, Long> defects = new EnumMap<>(Defect.class);

    // The station being written: its points share these cells.
    private String[] station;
    private int pointsLeftInStation;
    private int stationCounter;
    private int pointInStation;
    private String[] previousRow;
    private boolean previousRowClean;

    IrveCsvGenerator(long seed) {
        random = new SplittableRandom(seed);
        String[][] names = {
            {"Izivia", "izivia.com", "IZI"}, {"Freshmile", "freshmile.com", "FRM"},
            {"Power Dot France", "powerdot.fr", "PWD"}, {"Électra", "go-electra.com", "ELC"},
            {"SDE 44", "sydela.fr", "S44"}, {"Syndicat d'énergie du Morbihan", "morbihan-energies.fr", "S56"},
            {"Bornes Totales", "totalenergies.fr", "TTE"}, {"Ionity France", "ionity.eu", "ION"},
            {"Communauté d'agglomération du Grand Dijon", "metropole-dijon.fr", "GDJ"},
            {"Régie municipale de Colmar", "colmar.fr", "COL"}};
        companies = new Company[names.length];
        for (int i = 0; i < names.length; i++) {
            companies[i] = new Company(names[i][0], sirenWithKey(), names[i][1], names[i][2]);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: IrveCsvGenerator ROWS SEED OUT.csv");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0]);
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        IrveCsvGenerator generator = new IrveCsvGenerator(seed);
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16)
                .build(out, StandardCharsets.UTF_8)) {
            csv.writeRecord(HEADER);
            for (long i = 0; i < rows; i++) {
                csv.writeRecord(generator.nextRow());
            }
        }
        generator.writeDefects(Path.of(out + ".defects"), rows);
    }

    String[] nextRow() {
        if (pointsLeftInStation == 0) {
            startStation();
        }
        pointsLeftInStation--;
        pointInStation++;
        String[] row = station.clone();
        String stationId = row[7];
        // id_pdc_itinerance: the station id with its P turned into E (AFIREV), plus the point's number.
        row[15] = stationId.substring(0, 5) + "E" + stationId.substring(6) + pointInStation;
        row[16] = random.nextInt(3) == 0 ? "" : ulid();
        double power = POWERS[random.nextInt(POWERS.length)];
        row[17] = power == Math.rint(power) ? String.format(Locale.ROOT, "%.2f", power) : Double.toString(power);
        boolean fast = power >= 50;
        row[18] = bool(!fast && random.nextInt(4) == 0);
        row[19] = bool(!fast || random.nextBoolean());
        row[20] = bool(fast);
        row[21] = bool(fast && random.nextInt(3) == 0);
        row[22] = bool(false);
        row[39] = fast ? "false" : pick("true", "false", "");

        Defect defect = random.nextDouble() < DEFECT_RATE
            ? Defect.values()[random.nextInt(Defect.values().length)] : null;
        if (defect == Defect.DUPLICATE_ROW || defect == Defect.REPEATED_PDC_ID) {
            if (!previousRowClean) {
                defect = null; // a copy of a faulty row would count two defects
            }
        }
        if (defect != null) {
            row = spoil(row, defect);
            defects.merge(defect, 1L, Long::sum);
        }
        previousRowClean = defect == null;
        previousRow = row;
        return row;
    }

    private String[] spoil(String[] row, Defect defect) {
        switch (defect) {
            case FRENCH_DATE -> row[38] = LocalDate.parse(row[38], ISO).format(FRENCH);
            case DECIMAL_COMMA -> row[17] = row[17].contains(".") ? row[17].replace('.', ',') : row[17] + ",00";
            case BAD_ENUM -> {
                if (random.nextBoolean()) {
                    row[10] = pick("Parking", "voirie", "Parking privé", "Parking public ");
                } else {
                    row[28] = pick("Libre", "Accès réservé aux abonnés", "Accès Libre");
                }
            }
            case MISSING_REQUIRED -> row[pickColumn(9, 4, 38)] = "";
            case LAMBERT93_POINT -> row[13] = String.format(Locale.ROOT, "[%.2f,%.2f]",
                    100_000 + random.nextDouble() * 1_100_000, 6_050_000 + random.nextDouble() * 1_050_000);
            case SIREN_WITH_SPACES -> row[1] = row[1].substring(0, 3) + " " + row[1].substring(3, 6) + " " + row[1].substring(6);
            case BAD_BOOLEAN -> row[pickColumn(24, 29, 33)] = pick("oui", "non", "Oui", "NON");
            case BAD_EMAIL -> row[4] = pick("contact[at]", "Service client ", "") + row[4].replace("@", pick(" @ ", "[at]", " chez "));
            case BAD_PDC_ID -> row[15] = row[15].substring(0, 2) + "-" + row[15].substring(2, 5) + "-" + row[15].substring(5);
            case DUPLICATE_ROW -> row = previousRow.clone();
            case SWAPPED_POINT -> {
                String[] lonLat = row[13].substring(1, row[13].length() - 1).split(",");
                row[13] = "[" + lonLat[1] + "," + lonLat[0] + "]";
            }
            case SIREN_BAD_KEY -> {
                char last = row[1].charAt(8);
                row[1] = row[1].substring(0, 8) + (char) ('0' + (last - '0' + 1 + random.nextInt(8)) % 10);
            }
            case REPEATED_PDC_ID -> {
                row[15] = previousRow[15];
                if (Arrays.equals(row, previousRow)) {
                    row[16] = ulid(); // else it would also be a DUPLICATE_ROW, counted twice
                }
            }
        }
        return row;
    }

    private void startStation() {
        stationCounter++;
        pointInStation = 0;
        int points = 1 + random.nextInt(random.nextInt(5) == 0 ? 12 : 4);
        pointsLeftInStation = points;
        Company amenageur = companies[random.nextInt(companies.length)];
        Company operator = random.nextInt(3) == 0 ? companies[random.nextInt(companies.length)] : amenageur;
        Commune commune = COMMUNES.get(random.nextInt(COMMUNES.size()));
        String[] s = new String[HEADER.length];
        s[0] = amenageur.name();
        s[1] = amenageur.siren();
        s[2] = random.nextInt(4) == 0 ? "" : "contact@" + amenageur.domain();
        s[3] = operator.name();
        s[4] = "support@" + operator.domain();
        s[5] = random.nextInt(5) == 0 ? "" : "0" + (1 + random.nextInt(9)) + digits(8);
        s[6] = operator.name().startsWith("S") ? "Réseau " + operator.name() : operator.name();
        // AFIREV: country, operator code, P for a station, then the station's own number.
        s[7] = "FR" + operator.operatorCode() + "P" + commune.insee().replace("A", "0").replace("B", "0")
            + String.format("%05d", stationCounter % 100_000);
        s[8] = random.nextInt(3) == 0 ? "" : ulid();
        s[9] = commune.name() + " " + STATION_PLACES[random.nextInt(STATION_PLACES.length)];
        s[10] = IMPLANTATIONS[random.nextInt(IMPLANTATIONS.length)];
        s[11] = (1 + random.nextInt(120)) + " " + STREETS[random.nextInt(STREETS.length)] + " "
            + commune.postcode() + " " + commune.name();
        s[12] = random.nextInt(10) == 0 ? "" : commune.insee();
        s[13] = String.format(Locale.ROOT, "[%.6f,%.6f]", commune.lon() + (random.nextDouble() - 0.5) * 0.1,
                commune.lat() + (random.nextDouble() - 0.5) * 0.1);
        s[14] = Integer.toString(points);
        s[23] = pick("true", "false", "false", "");
        s[24] = bool(random.nextInt(4) != 0);
        s[25] = pick("true", "false", "");
        s[26] = pick("true", "false", "");
        s[27] = TARIFS[random.nextInt(TARIFS.length)];
        s[28] = random.nextInt(6) == 0 ? "Accès réservé" : "Accès libre";
        s[29] = bool(random.nextInt(5) == 0);
        s[30] = HORAIRES[random.nextInt(HORAIRES.length)];
        s[31] = PMR[random.nextInt(PMR.length)];
        s[32] = GABARITS[random.nextInt(GABARITS.length)];
        s[33] = bool(random.nextInt(20) == 0);
        s[34] = pick("Direct", "Indirect", "");
        s[35] = random.nextInt(3) == 0 ? "" : digits(14);
        LocalDate service = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650));
        s[36] = random.nextInt(8) == 0 ? "" : service.format(ISO);
        s[37] = OBSERVATIONS[random.nextInt(OBSERVATIONS.length)];
        s[38] = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700)).format(ISO);
        station = s;
    }

    /** A SIREN whose ninth digit is its Luhn key, as INSEE assigns them. */
    private String sirenWithKey() {
        String body = (1 + random.nextInt(9)) + digits(7);
        for (int key = 0; key < 10; key++) {
            if (luhnValid(body + key)) {
                return body + key;
            }
        }
        throw new IllegalStateException("no Luhn key for " + body);
    }

    static boolean luhnValid(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private String ulid() {
        char[] chars = new char[26];
        chars[0] = '0'; // a ULID's first character is at most 7; 0 keeps it a 2020s timestamp-looking id
        chars[1] = '1';
        for (int i = 2; i < chars.length; i++) {
            chars[i] = ULID_ALPHABET.charAt(random.nextInt(ULID_ALPHABET.length()));
        }
        return new String(chars);
    }

    private String digits(int count) {
        char[] chars = new char[count];
        for (int i = 0; i < count; i++) {
            chars[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(chars);
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private int pickColumn(int... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String bool(boolean value) {
        return value ? "true" : "false";
    }

    /** One line per defect kind (count, whether the schema can see it, what it is), then the totals. */
    private void writeDefects(Path file, long rows) throws IOException {
        long seen = 0;
        long unseen = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (Defect defect : Defect.values()) {
                long count = defects.getOrDefault(defect, 0L);
                if (defect.seenBySchema) {
                    seen += count;
                } else {
                    unseen += count;
                }
                out.printf("%-18s %9d  %-4s %s%n", defect, count, defect.seenBySchema ? "seen" : "-", defect.description);
            }
            out.printf("%-18s %9d  data rows%n", "ROWS", rows);
            out.printf("%-18s %9d  defects a validator of this schema can see%n", "SEEN", seen);
            out.printf("%-18s %9d  defects this schema cannot see%n", "UNSEEN", unseen);
        }
    }
}
