package fr.passerelle.quality.engine.privacy;

import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a schema field explicitly asks for a kind of personal data: catalogue-donnees' {@code contact_personne}
 * ("Adresse(s) email des personnes ayant des informations sur le jeu de données", format email) asks for persons'
 * e-mails, so finding one there is what the national schema wants, reported for information and not blocking.
 * Only the field's own words count (its format, name, title, description, the custom check it carries): data in a
 * field that asks for something else, in free text or in a column the schema does not have stays blocking.
 */
final class FieldRequests {

    private static final Pattern EMAIL_WORDS = Pattern.compile(
            "\\b(e-?mails?|courriels?|mels?|adresses? (electronique|mail)s?)\\b");
    private static final Pattern PHONE_WORDS = Pattern.compile("\\b(telephones?|tel|mobiles?|portables?|phone)\\b");
    private static final Pattern IBAN_WORDS = Pattern.compile("\\b(iban|rib|coordonnees bancaires)\\b");

    private FieldRequests() {
    }

    /** @return true when {@code field} of {@code schema} asks for data of this kind */
    static boolean asks(TableSchema schema, Field field, PersonalDataKind kind) {
        if (field == null) {
            return false;
        }
        String words = folded(field.name().replace('_', ' ') + " " + field.title() + " " + field.description());
        return switch (kind) {
            case EMAIL -> "email".equals(field.format()) || EMAIL_WORDS.matcher(words).find();
            case PHONE -> PHONE_WORDS.matcher(words).find() || carriesCheck(schema, field, "phone-number-value");
            case IBAN -> IBAN_WORDS.matcher(words).find();
            // Never published on purpose; names are looked for only in columns the schema does not have.
            case NIR, PERSON_NAME -> false;
        };
    }

    private static boolean carriesCheck(TableSchema schema, Field field, String name) {
        for (CustomCheck check : schema.customChecks()) {
            if (check.name().equals(name) && check.field().equals(field.name())) {
                return true;
            }
        }
        return false;
    }

    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
