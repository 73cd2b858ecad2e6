package fr.passerelle.notification.people;

/** How a person wants one kind of message: at once, in the daily digest, or not at all. */
public enum Delivery {
    IMMEDIATE, DIGEST, NONE
}
