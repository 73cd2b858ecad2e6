package fr.passerelle.publish.remote;

/** A remote portal refused or failed; the message is French, for staff. */
public class RemoteFailure extends Exception {

    private final boolean retryable;
    private final int httpStatus;

    public RemoteFailure(String message, boolean retryable) {
        this(message, retryable, 0);
    }

    /** @param httpStatus the portal's answer, for connectors that read a status their own way */
    public RemoteFailure(String message, boolean retryable, int httpStatus) {
        super(message);
        this.retryable = retryable;
        this.httpStatus = httpStatus;
    }

    /** Worth trying again later (5xx, timeouts), as opposed to a refusal that needs a person. */
    public boolean retryable() {
        return retryable;
    }

    /** The HTTP status the portal answered, or 0 when it did not answer (timeout, unreadable body…). */
    public int httpStatus() {
        return httpStatus;
    }
}
