package org.tabula.error;

/** The dialect cannot express a statement (say, UPDATE ... RETURNING on MySQL); the message says which. */
public class UnsupportedFeatureException extends TabulaException {

    public UnsupportedFeatureException(String message) {
        super(message);
    }
}
