package org.tabula.it.orm;

import org.tabula.orm.Column;
import org.tabula.orm.Entity;
import org.tabula.schema.ReferentialAction;

/** A street of an {@link FfCity}: a plain foreign key (no relationship), so only the database guards it. */
@Entity(table = "ff_streets")
public class FfStreet {
    @Column(primaryKey = true, autoIncrement = true)
    public Long id;

    @Column(references = FfCity.class, onDelete = ReferentialAction.RESTRICT)
    public Long cityId;

    @Column(length = 50)
    public String name;

    public FfStreet() {
    }

    public FfStreet(Long cityId, String name) {
        this.cityId = cityId;
        this.name = name;
    }
}
