package org.tabula.it.orm;

import org.tabula.orm.Column;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;
import org.tabula.schema.ReferentialAction;

/** A city of an {@link FfCountry}; its name is unique, so a duplicate fails an INSERT or an UPDATE. */
@Entity(table = "ff_cities")
public class FfCity {
    @Column(primaryKey = true, autoIncrement = true)
    public Long id;

    @Column(references = FfCountry.class, onDelete = ReferentialAction.RESTRICT)
    public Long countryId;

    @Column(length = 50, unique = true)
    public String name;

    @Relationship(foreignKey = "countryId", backPopulates = "cities")
    public final Ref<FfCountry> country = new Ref<>(this);

    public FfCity() {
    }

    public FfCity(String name) {
        this.name = name;
    }
}
