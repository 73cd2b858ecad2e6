package fr.passerelle.quality.engine.fix;

/** Which comes first in a numeric date such as 05/04/2024. */
public enum DateOrder {
    DAY_FIRST, MONTH_FIRST
}
