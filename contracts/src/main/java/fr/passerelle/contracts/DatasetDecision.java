package fr.passerelle.contracts;

/**
 * A decision staff made once for a dataset, travelling with each of its files on {@code upload.received}.
 *
 * @param id      the question's stable id, e.g. {@code donnees-personnelles.courriel}
 * @param kind    {@code colonne}, {@code ordre-des-dates}, {@code quasi-doublons} or {@code donnees-personnelles}
 * @param subject the column label as in the file, or the schema field for a date order; null for near-duplicates
 * @param choice  the value of the answer chosen, e.g. {@code masquer}, {@code jour-mois}, a field name, {@code ignorer}
 */
public record DatasetDecision(String id, String kind, String subject, String choice) {
}
