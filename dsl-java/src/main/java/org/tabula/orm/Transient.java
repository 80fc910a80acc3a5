package org.tabula.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field that is not persisted (the {@code transient} modifier works too).
 *
 * <pre>{@code
 * @Entity
 * public class User extends Model {
 *     public String name;
 *     @Transient public String passwordConfirmation;   // never read from or written to a column
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Transient {
}
