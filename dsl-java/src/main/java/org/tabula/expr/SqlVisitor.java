package org.tabula.expr;

import org.jspecify.annotations.Nullable;

import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.schema.TableAlias;
import org.tabula.statement.CreateEnumType;
import org.tabula.statement.CreateIndex;
import org.tabula.statement.CreateTable;
import org.tabula.statement.Delete;
import org.tabula.statement.DerivedColumn;
import org.tabula.statement.DerivedTable;
import org.tabula.statement.DropEnumType;
import org.tabula.statement.AddColumn;
import org.tabula.statement.DropColumn;
import org.tabula.statement.AlterColumn;
import org.tabula.statement.AddForeignKey;
import org.tabula.statement.DropForeignKey;
import org.tabula.statement.AddUnique;
import org.tabula.statement.DropUnique;
import org.tabula.statement.AddEnumValue;
import org.tabula.statement.RenameTable;
import org.tabula.statement.CopyRows;
import org.tabula.statement.DropIndex;
import org.tabula.statement.DropTable;
import org.tabula.statement.Insert;
import org.tabula.statement.Join;
import org.tabula.statement.Select;
import org.tabula.statement.SetOperation;
import org.tabula.statement.TextStatement;
import org.tabula.statement.Update;

/**
 * One method per AST node type. The dialect renderers implement it; other tree walks
 * (finding the tables of a statement, for instance) can too.
 *
 * @param <R> what a visit returns ({@code Void} for renderers that append to a buffer)
 */
public interface SqlVisitor<R extends @Nullable Object> {
    // expressions
    R visitColumn(Column<?> column);
    R visitAliasedColumn(AliasedColumn<?> column);
    R visitBindValue(BindValue<?> value);
    R visitBindParam(BindParam<?> param);
    R visitRawSql(RawSql<?> raw);
    R visitLiteral(Literal<?> literal);
    R visitExcluded(Excluded<?> excluded);
    R visitComparison(Comparison comparison);
    R visitJunction(Junction junction);
    R visitNot(Not not);
    R visitNullTest(NullTest test);
    R visitInList(InList in);
    R visitInSubquery(InSubquery in);
    R visitBetween(Between between);
    R visitLike(Like like);
    R visitExists(Exists exists);
    R visitScalarSubquery(ScalarSubquery<?> subquery);
    R visitArithmetic(Arithmetic<?> arithmetic);
    R visitConcat(Concat concat);
    R visitFunctionCall(FunctionCall<?> call);
    R visitCase(Case<?> caseExpression);
    R visitAliased(Aliased<?> aliased);
    R visitCast(Cast<?> cast);
    R visitConstantCondition(ConstantCondition condition);
    R visitOrderItem(OrderItem item);
    R visitStar(Star star);

    // from items
    R visitTable(Table table);
    R visitTableAlias(TableAlias alias);
    R visitDerivedTable(DerivedTable derived);
    R visitDerivedColumn(DerivedColumn<?> column);
    R visitJoin(Join join);

    // statements
    R visitSelect(Select select);
    R visitSetOperation(SetOperation operation);
    R visitInsert(Insert insert);
    R visitUpdate(Update update);
    R visitDelete(Delete delete);
    R visitText(TextStatement text);
    R visitCreateTable(CreateTable create);
    R visitDropTable(DropTable drop);
    R visitCreateIndex(CreateIndex create);
    R visitDropIndex(DropIndex drop);
    R visitCreateEnumType(CreateEnumType create);
    R visitDropEnumType(DropEnumType drop);
    R visitAddColumn(AddColumn statement);
    R visitDropColumn(DropColumn statement);
    R visitAlterColumn(AlterColumn statement);
    R visitAddForeignKey(AddForeignKey statement);
    R visitDropForeignKey(DropForeignKey statement);
    R visitAddUnique(AddUnique statement);
    R visitDropUnique(DropUnique statement);
    R visitAddEnumValue(AddEnumValue statement);
    R visitRenameTable(RenameTable statement);
    R visitCopyRows(CopyRows statement);
}
