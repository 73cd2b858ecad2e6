package fr.passerelle.contracts;

/** A message that can never be processed as it is: it belongs in the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
