package fr.passerelle.quality.engine.fix;

import java.util.Map;

/**
 * What a person decided about the readings the fixes cannot settle alone.
 *
 * @param dateOrders         schema field → the order its ambiguous dates are read in
 * @param dropNearDuplicates {@code true} to drop the near-duplicate rows, {@code false} to keep them without asking
 *                           again, {@code null} while nobody decided (they are then suggested)
 */
public record FixDecisions(Map<String, DateOrder> dateOrders, Boolean dropNearDuplicates) {

    public static final FixDecisions NONE = new FixDecisions(Map.of(), null);

    public FixDecisions {
        dateOrders = dateOrders == null ? Map.of() : Map.copyOf(dateOrders);
    }
}
