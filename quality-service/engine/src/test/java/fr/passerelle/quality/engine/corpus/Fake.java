package fr.passerelle.quality.engine.corpus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Seeded random values a local authority's file holds: the same seed gives the same truth, byte for byte.
 * With {@code ambiguousDates}, every date has a day of 12 or less (05/04/2024 reads both ways once written
 * dd/mm/yyyy), as in the files the issue saw rejected.
 */
final class Fake {

    private final Random random;
    private final boolean ambiguousDates;

    Fake(long seed, boolean ambiguousDates) {
        this.random = new Random(seed);
        this.ambiguousDates = ambiguousDates;
    }

    int between(int lowest, int highest) {
        return lowest + random.nextInt(highest - lowest + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String bool() {
        return random.nextBoolean() ? "true" : "false";
    }

    /** A date between 2015 and 2024, ISO 8601. */
    String date() {
        int day = ambiguousDates ? between(1, 12) : between(1, 28);
        return LocalDate.of(between(2015, 2024), between(1, 12), day).toString();
    }

    /** Near the commune's centre (a few km), 6 decimals as a GPS survey exports them. */
    double latitudeNear(Commune commune) {
        return round(commune.latitude() + (random.nextDouble() - 0.5) * 0.03, 6);
    }

    double longitudeNear(Commune commune) {
        return round(commune.longitude() + (random.nextDouble() - 0.5) * 0.04, 6);
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A SIREN: 8 digits then the Luhn key. */
    static String siren(String eightDigits) {
        return eightDigits + luhnKey(eightDigits);
    }

    /** A SIRET: the SIREN, a 4-digit establishment number, then the Luhn key over the 13 digits. */
    static String siret(String siren, int establishment) {
        String thirteen = siren + String.format("%04d", establishment);
        return thirteen + luhnKey(thirteen);
    }

    /** A commune's SIREN as INSEE gives them: 21, the department, 0, the commune's number, the key. */
    static String communeSiren(Commune commune) {
        String department = commune.insee().substring(0, 2).replace("2A", "20").replace("2B", "20");
        return siren("21" + department + "0" + commune.insee().substring(2));
    }

    private static int luhnKey(String digits) {
        int sum = 0;
        // The key's position is even from the right: the digit just before it is doubled.
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            if (position % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
