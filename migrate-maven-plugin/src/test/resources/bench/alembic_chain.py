"""Writes an Alembic project with a chain of N one-table revisions, the same tables as the bench chain."""
import os
import sys

root, n = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.join(root, "versions"), exist_ok=True)
with open(os.path.join(root, "alembic.ini"), "w") as f:
    f.write("[alembic]\nscript_location = %(here)s\n")
with open(os.path.join(root, "env.py"), "w") as f:
    f.write('''import os
from alembic import context
from sqlalchemy import create_engine

engine = create_engine(os.environ["BENCH_DATABASE_URL"])
with engine.connect() as connection:
    context.configure(connection=connection, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
''')
for i in range(1, n + 1):
    down = "None" if i == 1 else f'"{i - 1:06d}"'
    with open(os.path.join(root, "versions", f"r{i:06d}.py"), "w") as f:
        f.write(f'''"""table {i}"""
import sqlalchemy as sa
from alembic import op

revision = "{i:06d}"
down_revision = {down}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("c{i}",
                    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
                    sa.Column("name", sa.String(100), nullable=False))


def downgrade():
    op.drop_table("c{i}")
''')
