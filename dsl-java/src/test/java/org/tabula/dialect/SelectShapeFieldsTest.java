package org.tabula.dialect;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The render cache is only as right as {@link SelectShape}'s walk: a field added to a node the walk
 * knows, and left out of the walk, would let two selects that render differently share one cached
 * SQL text. This test lists the fields the walk was written against; when it fails, add the new
 * field to {@code SelectShape} (and a shape differing in it to {@code RenderCacheTest}), then here.
 */
class SelectShapeFieldsTest {

    private static final Map<String, String> WALKED = Map.ofEntries(
            entry("expr.Aliased", "alias,expression"),
            entry("expr.AliasedColumn", "alias,column"),
            entry("expr.Arithmetic", "left,operator,right,type"),
            entry("expr.Between", "expression,high,low,negated"),
            entry("expr.BindParam", "name,type"),
            entry("expr.BindValue", "type,value"),
            entry("expr.Cast", "expression,type"),
            entry("expr.Comparison", "left,operator,right"),
            entry("expr.Concat", "parts"),
            entry("expr.ConstantCondition", "value"),
            entry("expr.FunctionCall", "arguments,distinct,name,type"),
            entry("expr.InList", "expression,negated,values"),
            entry("expr.Junction", "conditions,kind"),
            entry("expr.Like", "caseInsensitive,escaped,expression,negated,pattern"),
            entry("expr.Literal", "type,value"),
            entry("expr.Not", "condition"),
            entry("expr.NullTest", "expression,negated"),
            entry("expr.Star", ""),
            entry("expr.OrderItem", "descending,expression,nulls"),
            entry("statement.Select", "distinct,from,groupBy,having,limit,lock,offset,orderBy,selections,where"),
            entry("statement.Join", "left,on,right,type"),
            entry("schema.TableAlias", "alias,table"));

    @Test
    void everyFieldOfAWalkedNodeIsKnownToTheWalk() throws ClassNotFoundException {
        for (Map.Entry<String, String> node : WALKED.entrySet()) {
            Class<?> type = Class.forName("org.tabula." + node.getKey());
            String fields = Arrays.stream(type.getDeclaredFields())
                    .filter(f -> !Modifier.isStatic(f.getModifiers()))
                    .map(Field::getName)
                    .sorted()
                    .collect(Collectors.joining(","));
            assertEquals(node.getValue(), fields, node.getKey()
                    + " has other fields than SelectShape walks: walk the new one, or the render cache may"
                    + " serve one select the SQL of another");
        }
    }
}
