package fr.passerelle.quality.engine.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/** The questions the engine leaves to a person, each answered once per dataset. */
public enum DecisionKind {
    /** A file column the engine matched with a field it is not sure of, or could not match while fields are missing. */
    COLUMN("colonne"),
    /** A date column whose values read both day/month and month/day, the file's conventions not settling it. */
    DATE_ORDER("ordre-des-dates"),
    /** Rows naming the same place at the same address, written differently. */
    NEAR_DUPLICATES("quasi-doublons"),
    /** A column holding personal data. */
    PERSONAL_DATA("donnees-personnelles");

    private final String code;

    DecisionKind(String code) {
        this.code = code;
    }

    /** Stable code, the start of every decision id of this kind, e.g. {@code donnees-personnelles}. */
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static DecisionKind of(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("unknown decision kind " + code));
    }

    public static Optional<DecisionKind> parse(String code) {
        for (DecisionKind kind : values()) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
