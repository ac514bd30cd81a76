package dev.migrate.op;

/**
 * One method per kind of {@link Op}: a new kind of change fails to compile until every consumer
 * (SQL rendering, Java rendering, descriptions) handles it.
 */
public interface OpVisitor<R> {
    R visit(SchemaOp.CreateSchema op);

    R visit(SchemaOp.DropSchema op);

    R visit(TableOp.CreateTable op);

    R visit(TableOp.DropTable op);

    R visit(TableOp.RenameTable op);

    R visit(TableOp.CommentOnTable op);

    R visit(TableOp.SetLogged op);

    R visit(TableOp.CreatePartition op);

    R visit(TableOp.DropPartition op);

    R visit(TableOp.AttachPartition op);

    R visit(TableOp.DetachPartition op);

    R visit(ColumnOp.AddColumn op);

    R visit(ColumnOp.DropColumn op);

    R visit(ColumnOp.RenameColumn op);

    R visit(ColumnOp.AlterColumnType op);

    R visit(ColumnOp.AlterColumnNullable op);

    R visit(ColumnOp.AlterColumnDefault op);

    R visit(ColumnOp.AddIdentity op);

    R visit(ColumnOp.AlterIdentity op);

    R visit(ColumnOp.DropIdentity op);

    R visit(ColumnOp.CommentOnColumn op);

    R visit(ConstraintOp.CommentOnConstraint op);

    R visit(IndexOp.CommentOnIndex op);

    R visit(IndexOp.CreateIndex op);

    R visit(IndexOp.DropIndex op);

    R visit(ConstraintOp.AddConstraint op);

    R visit(ConstraintOp.DropConstraint op);

    R visit(ConstraintOp.ValidateConstraint op);

    R visit(ConstraintOp.AlterConstraintDeferrability op);

    R visit(EnumOp.CreateEnum op);

    R visit(EnumOp.DropEnum op);

    R visit(EnumOp.AddEnumValue op);

    R visit(EnumOp.RenameEnumValue op);

    R visit(SequenceOp.CreateSequence op);

    R visit(SequenceOp.AlterSequence op);

    R visit(SequenceOp.DropSequence op);

    R visit(ObjectOp.CreateObject op);

    R visit(ObjectOp.ReplaceObject op);

    R visit(ObjectOp.DropObject op);

    R visit(OnlineOp.Online op);

    /** The operations online changes are made of; only the SQL rendering meets them. */
    R visit(OnlineOp.OnlineStep op);

    R visit(CitusOp.DistributeTable op);

    R visit(CitusOp.CreateReferenceTable op);

    R visit(CitusOp.UndistributeTable op);

    R visit(CitusOp.DistributeSchema op);

    R visit(CitusOp.UndistributeSchema op);

    R visit(SqlOp.Execute op);

    R visit(DataOp.BulkInsert op);

    R visit(DataOp.InsertRows op);

    R visit(DataOp.DeleteRows op);

    R visit(DataOp.UpdateRows op);

    R visit(SqlOp.RequireNoRows op);

    R visit(SqlOp.Guard op);
}
