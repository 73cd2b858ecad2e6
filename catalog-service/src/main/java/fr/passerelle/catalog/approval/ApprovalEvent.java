package fr.passerelle.catalog.approval;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a dataset's approval journal.
 *
 * @param actor    who did it: the {@code approvedBy}/{@code updatedBy} sent today, the token's subject once
 *                 people sign in, {@code système} for what the catalogue decides on its own
 * @param reason   in French
 * @param versions the versions this action sent to publication, oldest first
 */
public record ApprovalEvent(
        long id,
        String organization,
        String dataset,
        ApprovalAction action,
        String actor,
        String reason,
        List<Integer> versions,
        Instant at) {
}
