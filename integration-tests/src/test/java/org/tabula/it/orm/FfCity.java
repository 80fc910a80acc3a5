package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;
import org.tabula.schema.ReferentialAction;

/** A city of an {@link FfCountry}; its name is unique, so a duplicate fails an INSERT or an UPDATE. */
@Entity(table = "ff_cities")
public class FfCity {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(references = FfCountry.class, onDelete = ReferentialAction.RESTRICT)
    public Long countryId;

    @MappedColumn(length = 50, unique = true)
    public String name;

    @Relationship(foreignKey = "countryId", backPopulates = "cities")
    public final Ref<FfCountry> country = new Ref<>(this);

    public FfCity() {
    }

    public FfCity(String name) {
        this.name = name;
    }
}
