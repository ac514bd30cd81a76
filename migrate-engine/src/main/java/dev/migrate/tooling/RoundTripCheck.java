package dev.migrate.tooling;

import dev.migrate.MigrateException;
import dev.migrate.RevisionDetails;

/**
 * Inspects the database at each stage of {@link MigratorTools#roundTrip}, to prove that every
 * downgrade undoes its upgrade: take a snapshot of the schema at {@link Stage#BEFORE_UPGRADE} and
 * compare it at {@link Stage#DOWNGRADED}.
 *
 * <pre>{@code
 * internals.roundTrip((revision, stage) -> System.out.println(revision.id() + ": " + stage));
 * }</pre>
 *
 * Published for migrate's modules: see the package.
 */
@FunctionalInterface
public interface RoundTripCheck {

    /**
     * Where in its round trip a revision is when the check is called:
     * {@code internals.roundTrip((revision, stage) -> compareSnapshots(revision, stage))}.
     */
    enum Stage {
        /**
         * Its parents are applied, it is not:
         * {@code if (stage == RoundTripCheck.Stage.BEFORE_UPGRADE) compareSnapshots(revision, stage);}
         */
        BEFORE_UPGRADE,
        /**
         * An online revision's expand ran and was undone by a downgrade in its expand phase: the database
         * should be as at {@link #BEFORE_UPGRADE}. Then its expand runs again and is completed:
         * {@code if (stage == RoundTripCheck.Stage.ROLLED_BACK) compareSnapshots(revision, stage);}
         */
        ROLLED_BACK,
        /**
         * It was upgraded (an online revision: expanded and completed):
         * {@code if (stage == RoundTripCheck.Stage.UPGRADED) compareSnapshots(revision, stage);}
         */
        UPGRADED,
        /**
         * It was downgraded again, alone: the database should be as at {@link #BEFORE_UPGRADE}:
         * {@code if (stage == RoundTripCheck.Stage.DOWNGRADED) compareSnapshots(revision, stage);}
         */
        DOWNGRADED,
        /**
         * It was upgraded a second time: the database should be as at {@link #UPGRADED}:
         * {@code if (stage == RoundTripCheck.Stage.UPGRADED_AGAIN) compareSnapshots(revision, stage);}
         */
        UPGRADED_AGAIN
    }

    /**
     * Called at each stage of each revision's round trip; throw (a {@link MigrateException}
     * naming the revision and what differs) to stop it:
     * {@code (revision, stage) -> log.info(revision.id() + " " + stage)}.
     *
     * @param revision the revision making the round trip
     * @param stage where in its round trip it is
     */
    void check(RevisionDetails revision, Stage stage);
}
