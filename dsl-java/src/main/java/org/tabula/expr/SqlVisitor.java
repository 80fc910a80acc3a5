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
 * <pre>{@code
 * // in the dialect's SqlRenderer, a SqlVisitor<Void> appending to its buffer:
 * public Void visitNot(Not not) {
 *     sql.append("NOT (");
 *     render(not.condition());
 *     sql.append(')');
 *     return null;
 * }
 * }</pre>
 *
 * @param <R> what a visit returns ({@code Void} for renderers that append to a buffer)
 */
public interface SqlVisitor<R extends @Nullable Object> {
    // expressions
    /**
     * Visits a {@link Column}.
     *
     * @param column the node
     * @return the result of the visit
     */
    R visitColumn(Column<?> column);
    /**
     * Visits a {@link AliasedColumn}.
     *
     * @param column the node
     * @return the result of the visit
     */
    R visitAliasedColumn(AliasedColumn<?> column);
    /**
     * Visits a {@link BindValue}.
     *
     * @param value the node
     * @return the result of the visit
     */
    R visitBindValue(BindValue<?> value);
    /**
     * Visits a {@link BindParam}.
     *
     * @param param the node
     * @return the result of the visit
     */
    R visitBindParam(BindParam<?> param);
    /**
     * Visits a {@link RawSql}.
     *
     * @param raw the node
     * @return the result of the visit
     */
    R visitRawSql(RawSql<?> raw);
    /**
     * Visits a {@link Literal}.
     *
     * @param literal the node
     * @return the result of the visit
     */
    R visitLiteral(Literal<?> literal);
    /**
     * Visits a {@link Excluded}.
     *
     * @param excluded the node
     * @return the result of the visit
     */
    R visitExcluded(Excluded<?> excluded);
    /**
     * Visits a {@link Comparison}.
     *
     * @param comparison the node
     * @return the result of the visit
     */
    R visitComparison(Comparison comparison);
    /**
     * Visits a {@link Junction}.
     *
     * @param junction the node
     * @return the result of the visit
     */
    R visitJunction(Junction junction);
    /**
     * Visits a {@link Not}.
     *
     * @param not the node
     * @return the result of the visit
     */
    R visitNot(Not not);
    /**
     * Visits a {@link NullTest}.
     *
     * @param test the node
     * @return the result of the visit
     */
    R visitNullTest(NullTest test);
    /**
     * Visits a {@link InList}.
     *
     * @param in the node
     * @return the result of the visit
     */
    R visitInList(InList in);
    /**
     * Visits a {@link InSubquery}.
     *
     * @param in the node
     * @return the result of the visit
     */
    R visitInSubquery(InSubquery in);
    /**
     * Visits a {@link Between}.
     *
     * @param between the node
     * @return the result of the visit
     */
    R visitBetween(Between between);
    /**
     * Visits a {@link Like}.
     *
     * @param like the node
     * @return the result of the visit
     */
    R visitLike(Like like);
    /**
     * Visits a {@link Exists}.
     *
     * @param exists the node
     * @return the result of the visit
     */
    R visitExists(Exists exists);
    /**
     * Visits a {@link ScalarSubquery}.
     *
     * @param subquery the node
     * @return the result of the visit
     */
    R visitScalarSubquery(ScalarSubquery<?> subquery);
    /**
     * Visits a {@link Arithmetic}.
     *
     * @param arithmetic the node
     * @return the result of the visit
     */
    R visitArithmetic(Arithmetic<?> arithmetic);
    /**
     * Visits a {@link Concat}.
     *
     * @param concat the node
     * @return the result of the visit
     */
    R visitConcat(Concat concat);
    /**
     * Visits a {@link FunctionCall}.
     *
     * @param call the node
     * @return the result of the visit
     */
    R visitFunctionCall(FunctionCall<?> call);
    /**
     * Visits a {@link Case}.
     *
     * @param caseExpression the node
     * @return the result of the visit
     */
    R visitCase(Case<?> caseExpression);
    /**
     * Visits a {@link Aliased}.
     *
     * @param aliased the node
     * @return the result of the visit
     */
    R visitAliased(Aliased<?> aliased);
    /**
     * Visits a {@link Cast}.
     *
     * @param cast the node
     * @return the result of the visit
     */
    R visitCast(Cast<?> cast);
    /**
     * Visits a {@link ConstantCondition}.
     *
     * @param condition the node
     * @return the result of the visit
     */
    R visitConstantCondition(ConstantCondition condition);
    /**
     * Visits a {@link OrderItem}.
     *
     * @param item the node
     * @return the result of the visit
     */
    R visitOrderItem(OrderItem item);
    /**
     * Visits a {@link Star}.
     *
     * @param star the node
     * @return the result of the visit
     */
    R visitStar(Star star);

    // from items
    /**
     * Visits a {@link Table}.
     *
     * @param table the node
     * @return the result of the visit
     */
    R visitTable(Table table);
    /**
     * Visits a {@link TableAlias}.
     *
     * @param alias the node
     * @return the result of the visit
     */
    R visitTableAlias(TableAlias alias);
    /**
     * Visits a {@link DerivedTable}.
     *
     * @param derived the node
     * @return the result of the visit
     */
    R visitDerivedTable(DerivedTable derived);
    /**
     * Visits a {@link DerivedColumn}.
     *
     * @param column the node
     * @return the result of the visit
     */
    R visitDerivedColumn(DerivedColumn<?> column);
    /**
     * Visits a {@link Join}.
     *
     * @param join the node
     * @return the result of the visit
     */
    R visitJoin(Join join);

    // statements
    /**
     * Visits a {@link Select}.
     *
     * @param select the node
     * @return the result of the visit
     */
    R visitSelect(Select select);
    /**
     * Visits a {@link SetOperation}.
     *
     * @param operation the node
     * @return the result of the visit
     */
    R visitSetOperation(SetOperation operation);
    /**
     * Visits a {@link Insert}.
     *
     * @param insert the node
     * @return the result of the visit
     */
    R visitInsert(Insert insert);
    /**
     * Visits a {@link Update}.
     *
     * @param update the node
     * @return the result of the visit
     */
    R visitUpdate(Update update);
    /**
     * Visits a {@link Delete}.
     *
     * @param delete the node
     * @return the result of the visit
     */
    R visitDelete(Delete delete);
    /**
     * Visits a {@link TextStatement}.
     *
     * @param text the node
     * @return the result of the visit
     */
    R visitText(TextStatement text);
    /**
     * Visits a {@link CreateTable}.
     *
     * @param create the node
     * @return the result of the visit
     */
    R visitCreateTable(CreateTable create);
    /**
     * Visits a {@link DropTable}.
     *
     * @param drop the node
     * @return the result of the visit
     */
    R visitDropTable(DropTable drop);
    /**
     * Visits a {@link CreateIndex}.
     *
     * @param create the node
     * @return the result of the visit
     */
    R visitCreateIndex(CreateIndex create);
    /**
     * Visits a {@link DropIndex}.
     *
     * @param drop the node
     * @return the result of the visit
     */
    R visitDropIndex(DropIndex drop);
    /**
     * Visits a {@link CreateEnumType}.
     *
     * @param create the node
     * @return the result of the visit
     */
    R visitCreateEnumType(CreateEnumType create);
    /**
     * Visits a {@link DropEnumType}.
     *
     * @param drop the node
     * @return the result of the visit
     */
    R visitDropEnumType(DropEnumType drop);
    /**
     * Visits a {@link AddColumn}.
     *
     * @param statement the node
     * @return the result of the visit
     */
    R visitAddColumn(AddColumn statement);
    /**
     * Visits a {@link DropColumn}.
     *
     * @param statement the node
     * @return the result of the visit
     */
    R visitDropColumn(DropColumn statement);
    /**
     * Visits a {@link AlterColumn}.
     *
     * @param statement the node
     * @return the result of the visit
     */
    R visitAlterColumn(AlterColumn statement);
    /**
     * Visits a {@link AddForeignKey}.
     *
     * @param statement the node
     * @return the result of the visit
     */
    R visitAddForeignKey(AddForeignKey statement);
    /**
     * Visits a {@link DropForeignKey}.
     *
     * @param statement the node
     * @return the result of the visit
     */
    R visitDropForeignKey(DropForeignKey statement);
    /**
     * Visits a {@link AddUnique}.
     *
     * @param statement the node
     * @return the result of the visit
     */
    R visitAddUnique(AddUnique statement);
    /**
     * Visits a {@link DropUnique}.
     *
     * @param statement the node
     * @return the result of the visit
     */
    R visitDropUnique(DropUnique statement);
    /**
     * Visits a {@link AddEnumValue}.
     *
     * @param statement the node
     * @return the result of the visit
     */
    R visitAddEnumValue(AddEnumValue statement);
    /**
     * Visits a {@link RenameTable}.
     *
     * @param statement the node
     * @return the result of the visit
     */
    R visitRenameTable(RenameTable statement);
    /**
     * Visits a {@link CopyRows}.
     *
     * @param statement the node
     * @return the result of the visit
     */
    R visitCopyRows(CopyRows statement);
}
