package fr.passerelle.quality.engine.privacy;

import com.fasterxml.jackson.annotation.JsonValue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person decided for a column holding personal data. Applied to the clean CSV only: the
 * raw file is never rewritten.
 */
public enum PrivacyAction {
    /** The column stays in the clean CSV (the schema may require it) but every cell is emptied. */
    DROP("drop", "supprimer", "supprimée"),
    /**
     * Each value is masked: the personal items found in a cell (addresses, numbers) are replaced by
     * their masked form, e.g. {@code j***@gmail.com}; a cell where none is found is masked whole.
     */
    MASK("mask", "masquer", "masquée"),
    /**
     * Each value is replaced by a keyed hash (HMAC-SHA-256 with the caller's salt, hex, truncated):
     * the same value hashes the same in every version of a dataset, so rows can still be joined.
     */
    HASH("hash", "hacher", "hachée"),
    /** A person confirmed the data is public (e.g. a facility's switchboard number): kept as it is. */
    PUBLIC("public", "publique", "déclarée publique");

    private final String code;
    private final String frenchVerb;
    private final String frenchDone;

    PrivacyAction(String code, String frenchVerb, String frenchDone) {
        this.code = code;
        this.frenchVerb = frenchVerb;
        this.frenchDone = frenchDone;
    }

    /** Stable code for machines, e.g. {@code "mask"}: what JSON shows. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The French word staff type, e.g. {@code "masquer"}. */
    public String frenchVerb() {
        return frenchVerb;
    }

    /** What became of the column, e.g. "masquée". */
    public String frenchDone() {
        return frenchDone;
    }

    /**
     * The action named by a French word ({@code supprimer}, {@code masquer}, {@code hacher},
     * {@code publique}, also {@code empreinte} for hashing) or by its code; case and accents ignored.
     */
    public static Optional<PrivacyAction> parse(String word) {
        String key = Normalizer.normalize(word.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        for (PrivacyAction action : values()) {
            if (key.equals(action.code) || key.equals(action.frenchVerb)) {
                return Optional.of(action);
            }
        }
        return switch (key) {
            case "publiques", "publics" -> Optional.of(PUBLIC);
            case "empreinte" -> Optional.of(HASH);
            default -> Optional.empty();
        };
    }
}
