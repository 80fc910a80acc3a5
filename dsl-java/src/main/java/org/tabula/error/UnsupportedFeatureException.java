package org.tabula.error;

/** The dialect cannot express a statement (say, UPDATE ... RETURNING on MySQL); the message says which. */
public class UnsupportedFeatureException extends TabulaException {

    /**
     * An exception naming the feature and the dialect: {@code new UnsupportedFeatureException("UPDATE ... RETURNING on MySQL")}.
     *
     * <pre>{@code
     * throw new UnsupportedFeatureException("RETURNING is not supported by MySQL");
     * }</pre>
     *
     * @param message the message
     */
    public UnsupportedFeatureException(String message) {
        super(message);
    }
}
