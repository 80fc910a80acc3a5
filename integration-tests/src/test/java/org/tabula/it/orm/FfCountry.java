package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;

/** The top of a three-table chain whose foreign keys RESTRICT deletes (FailedFlushTest). */
@Entity(table = "ff_countries")
public class FfCountry {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(length = 50, unique = true)
    public String name;

    @MappedColumn(nullable = true)
    public Integer population;

    @Relationship(backPopulates = "country")
    public final RelatedList<FfCity> cities = new RelatedList<>(this);

    public FfCountry() {
    }

    public FfCountry(String name, Integer population) {
        this.name = name;
        this.population = population;
    }
}
