package fr.passerelle.staff.notifications;

import java.util.Arrays;
import java.util.Optional;

/** How a person receives a kind of message: notification-service's codes, the words of « Mes notifications ». */
public enum Delivery {
    IMMEDIATE("Tout de suite"),
    DIGEST("Dans le résumé du jour"),
    NONE("Jamais");

    private final String label;

    Delivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<Delivery> of(String code) {
        return Arrays.stream(values()).filter(delivery -> delivery.name().equals(code)).findFirst();
    }
}
