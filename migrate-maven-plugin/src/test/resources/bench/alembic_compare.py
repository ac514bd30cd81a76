"""Alembic's autogenerate comparison of N bench tables, as `alembic revision --autogenerate` runs it."""
import sys
import threading

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import (BigInteger, Boolean, Column, DateTime, Float, ForeignKey, Identity, Index,
                        Integer, MetaData, Numeric, String, Table, UniqueConstraint, create_engine)

url, n = sys.argv[1], int(sys.argv[2])
metadata = MetaData()
for i in range(n):
    parent = [Column("parent_id", BigInteger, ForeignKey(f"t{i - 1}.id", name=f"t{i}_parent_fk"))] if i else [
        Column("parent_id", BigInteger)]
    Table(f"t{i}", metadata,
          Column("id", BigInteger, Identity(), primary_key=True),
          Column("active", Boolean, nullable=False),
          Column("amount", Numeric(12, 2)),
          Column("code", String(40), nullable=False),
          Column("created_at", DateTime(timezone=True), nullable=False),
          Column("name", String(200)),
          Column("quantity", Integer, nullable=False),
          Column("ratio", Float(53)),
          *parent,
          UniqueConstraint("code", name=f"t{i}_code_key"),
          Index(f"t{i}_created_idx", "created_at"))



found = []


def compare():
    engine = create_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            # migrate's own version tables are not part of the model
            "include_name": lambda name, kind, parent: not (kind == "table" and name.startswith("migrate_")),
        })
        diffs = compare_metadata(context, metadata)
    found.extend(diffs)


# SQLAlchemy reflects a chain of foreign keys recursively: give it the depth the chain needs
sys.setrecursionlimit(1_000_000)
threading.stack_size(1 << 30)
worker = threading.Thread(target=compare)
worker.start()
worker.join()
print(f"{len(found)} differences")
for difference in found[:5]:
    print(difference)
# a benchmark of a no-diff comparison must not time one that found something
sys.exit(1 if found else 0)
