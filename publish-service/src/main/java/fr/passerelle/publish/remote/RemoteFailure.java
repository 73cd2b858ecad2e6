package fr.passerelle.publish.remote;

/** A remote portal refused or failed; the message is French, for staff. */
public class RemoteFailure extends Exception {

    private final boolean retryable;

    public RemoteFailure(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** Worth trying again later (5xx, timeouts), as opposed to a refusal that needs a person. */
    public boolean retryable() {
        return retryable;
    }
}
