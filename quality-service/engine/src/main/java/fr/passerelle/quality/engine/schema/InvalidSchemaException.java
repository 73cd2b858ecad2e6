package fr.passerelle.quality.engine.schema;

import java.io.IOException;

/** A schema.json that is JSON but not a usable Table Schema. */
public class InvalidSchemaException extends IOException {

    private static final long serialVersionUID = 1L;

    public InvalidSchemaException(String message) {
        super(message);
    }
}
