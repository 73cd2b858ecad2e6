package fr.passerelle.publish.remote;

/** The names people know the portal kinds by, for French messages. */
final class PortalNames {

    private PortalNames() {
    }

    static String of(String kind) {
        return switch (kind) {
            case UdataPublisher.KIND -> "data.gouv.fr";
            case CkanPublisher.KIND -> "CKAN";
            case OdsPublisher.KIND -> "OpenDataSoft";
            default -> kind;
        };
    }
}
