package fr.passerelle.quality.engine.privacy;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of personal data the guard looks for, with the French words that name them in a report. */
public enum PersonalDataKind {
    /** The e-mail address of a person, as opposed to a functional one such as contact@ or mairie@. */
    EMAIL("email", "adresse électronique de personne", "adresses électroniques de personnes"),
    /** A mobile phone number (06, 07, +33 6, +33 7), as opposed to a switchboard number. */
    PHONE("phone", "numéro de téléphone mobile", "numéros de téléphone mobile"),
    /** A French social security number (NIR), its two-digit key checked. */
    NIR("nir", "numéro de sécurité sociale", "numéros de sécurité sociale"),
    /** A bank account number (IBAN, French or foreign), its ISO 13616 check digits checked. */
    IBAN("iban", "IBAN (coordonnées bancaires)", "IBAN (coordonnées bancaires)"),
    /** Names, first names, titles (civilité) or birth dates of persons, in a column the schema does not expect. */
    PERSON_NAME("person-name", "nom, prénom, civilité ou date de naissance d'une personne",
            "noms, prénoms, civilités ou dates de naissance de personnes");

    private final String code;
    private final String singular;
    private final String plural;

    PersonalDataKind(String code, String singular, String plural) {
        this.code = code;
        this.singular = singular;
        this.plural = plural;
    }

    /** Stable code for machines, e.g. {@code "person-name"}: what JSON shows. */
    @JsonValue
    public String code() {
        return code;
    }

    /** French words for {@code count} values of this kind: "1 numéro de sécurité sociale", "2 numéros…". */
    public String frenchWords(long count) {
        return count >= 2 ? plural : singular;
    }
}
