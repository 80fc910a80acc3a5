package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.schema.ReferentialAction;

/** A street of an {@link FfCity}: a plain foreign key (no relationship), so only the database guards it. */
@Entity(table = "ff_streets")
public class FfStreet {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(references = FfCity.class, onDelete = ReferentialAction.RESTRICT)
    public Long cityId;

    @MappedColumn(length = 50)
    public String name;

    public FfStreet() {
    }

    public FfStreet(Long cityId, String name) {
        this.cityId = cityId;
        this.name = name;
    }
}
