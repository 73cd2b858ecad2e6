package fr.passerelle.catalog.approval;

/** Body of an approval; optional until people sign in (then it is the token's subject). */
public record ApprovalRequest(String approvedBy, String comment) {
}
