package dev.migrate.op;

/**
 * One method per kind of {@link Op}: a new kind of change fails to compile until every consumer
 * (SQL rendering, Java rendering, descriptions) handles it.
 */
public interface OpVisitor<R> {
    R visit(Op.CreateSchema op);

    R visit(Op.DropSchema op);

    R visit(Op.CreateTable op);

    R visit(Op.DropTable op);

    R visit(Op.RenameTable op);

    R visit(Op.CommentOnTable op);

    R visit(Op.SetLogged op);

    R visit(Op.CreatePartition op);

    R visit(Op.DropPartition op);

    R visit(Op.AttachPartition op);

    R visit(Op.DetachPartition op);

    R visit(Op.AddColumn op);

    R visit(Op.DropColumn op);

    R visit(Op.RenameColumn op);

    R visit(Op.AlterColumnType op);

    R visit(Op.AlterColumnNullable op);

    R visit(Op.AlterColumnDefault op);

    R visit(Op.AddIdentity op);

    R visit(Op.AlterIdentity op);

    R visit(Op.DropIdentity op);

    R visit(Op.CommentOnColumn op);

    R visit(Op.CommentOnConstraint op);

    R visit(Op.CommentOnIndex op);

    R visit(Op.CreateIndex op);

    R visit(Op.DropIndex op);

    R visit(Op.AddConstraint op);

    R visit(Op.DropConstraint op);

    R visit(Op.ValidateConstraint op);

    R visit(Op.AlterConstraintDeferrability op);

    R visit(Op.CreateEnum op);

    R visit(Op.DropEnum op);

    R visit(Op.AddEnumValue op);

    R visit(Op.RenameEnumValue op);

    R visit(Op.CreateSequence op);

    R visit(Op.AlterSequence op);

    R visit(Op.DropSequence op);

    R visit(Op.CreateObject op);

    R visit(Op.ReplaceObject op);

    R visit(Op.DropObject op);

    R visit(Op.Online op);

    /** The operations online changes are made of; only the SQL rendering meets them. */
    R visit(Op.OnlineStep op);

    R visit(Op.DistributeTable op);

    R visit(Op.CreateReferenceTable op);

    R visit(Op.UndistributeTable op);

    R visit(Op.DistributeSchema op);

    R visit(Op.UndistributeSchema op);

    R visit(Op.Execute op);

    R visit(Op.BulkInsert op);

    R visit(Op.InsertRows op);

    R visit(Op.DeleteRows op);

    R visit(Op.UpdateRows op);

    R visit(Op.RequireNoRows op);

    R visit(Op.Guard op);
}
