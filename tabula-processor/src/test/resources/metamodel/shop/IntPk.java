package shop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tabula.orm.MappedColumn;

/** A reusable column definition: the primary key is never nullable, whatever the annotation says. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@MappedColumn(primaryKey = true, autoIncrement = true, nullable = true)
public @interface IntPk {
}
