package dev.migrate.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.ComparisonPlan.EntityDdlFrom;
import dev.migrate.autogen.ComparisonPlan.EntitySide;
import dev.migrate.autogen.ComparisonPlan.SchemaAtHead;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan chosen in each situation, from the request and what the caches hold, without running it. */
class ComparisonPlanTest {
    @Test
    void aConfiguredDatabaseIsReadAndTheEntitySideBuiltInAScratchSchemaOnItOrOnAThrowawayServer() {
        assertThat(ComparisonPlan.onConfigured(false, true))
                .isEqualTo(new ComparisonPlan(
                        SchemaAtHead.CONFIGURED_DATABASE,
                        EntitySide.SCRATCH_SCHEMA,
                        EntityDdlFrom.CACHE_OR_PROVIDER,
                        false,
                        false));
        assertThat(ComparisonPlan.onConfigured(true, false))
                .isEqualTo(new ComparisonPlan(
                        SchemaAtHead.CONFIGURED_DATABASE,
                        EntitySide.THROWAWAY_OF_CONFIGURED_VERSION,
                        EntityDdlFrom.PROVIDER,
                        false,
                        false));
        assertThat(ComparisonPlan.onConfigured(false, true).toString())
                .isEqualTo("schema at head: the configured database; entity DDL: the entity cache, else the provider; "
                        + "entity side: the entity cache, else read without a server, else built in a scratch schema "
                        + "on the configured database");
    }

    @Test
    void withoutBothCachesTheChainIsReplayedOnAServerStartedAtOnceAndNothingIsKept() {
        Facts noCaches = new Facts(false, false, false, false, false);
        assertThat(ComparisonPlan.onEmbeddedDefault(noCaches))
                .isEqualTo(new ComparisonPlan(
                        SchemaAtHead.REPLAYED, EntitySide.THROWAWAY, EntityDdlFrom.PROVIDER, false, true));
        assertThat(noCaches.asked).containsExactly("entity cache");

        Facts entityCacheAlone = new Facts(true, false, false, false, false);
        assertThat(ComparisonPlan.onEmbeddedDefault(entityCacheAlone))
                .isEqualTo(new ComparisonPlan(
                        SchemaAtHead.REPLAYED, EntitySide.THROWAWAY, EntityDdlFrom.CACHE_OR_PROVIDER, false, true));
        assertThat(entityCacheAlone.asked).doesNotContain("holds nothing", "holds chain", "ddl cached");
    }

    @Test
    void aReplayCacheWithNothingInItReplaysAtOnceWithoutAskingAboutTheChainOrTheDdl() {
        Facts fresh = new Facts(true, true, true, false, true);

        assertThat(ComparisonPlan.onEmbeddedDefault(fresh))
                .isEqualTo(new ComparisonPlan(
                        SchemaAtHead.REPLAYED, EntitySide.THROWAWAY, EntityDdlFrom.CACHE_OR_PROVIDER, true, true));
        assertThat(fresh.asked).doesNotContain("holds chain", "ddl cached");
    }

    @Test
    void aReplayCacheThatLacksThisChainReplaysItAtOnceAndKeepsIt() {
        Facts staleReplay = new Facts(true, true, false, false, true);

        ComparisonPlan plan = ComparisonPlan.onEmbeddedDefault(staleReplay);

        assertThat(plan)
                .isEqualTo(new ComparisonPlan(
                        SchemaAtHead.REPLAYED, EntitySide.THROWAWAY, EntityDdlFrom.CACHE_OR_PROVIDER, true, true));
        assertThat(staleReplay.asked).doesNotContain("ddl cached");
        assertThat(plan.toString())
                .isEqualTo("schema at head: replayed on a throwaway server; entity DDL: the entity cache, else the "
                        + "provider; entity side: the entity cache, else read without a server, else built in a "
                        + "database of the throwaway server; a replayed schema is kept; the throwaway server starts "
                        + "at once");
    }

    @Test
    void aCheckOnAFreshCheckoutReadsTheChainsSqlFirstAndStartsAServerOnlyIfThatDoesNotConfirm() {
        for (Facts cold : List.of(
                new Facts(true, true, true, false, false).checking(),
                new Facts(true, true, false, false, false).checking())) {
            ComparisonPlan plan = ComparisonPlan.onEmbeddedDefault(cold);

            assertThat(plan)
                    .isEqualTo(new ComparisonPlan(
                            SchemaAtHead.CHAIN_SQL,
                            EntitySide.THROWAWAY,
                            EntityDdlFrom.CACHE_OR_PROVIDER,
                            true,
                            false));
            assertThat(plan.toString())
                    .startsWith("schema at head: read from the migrations' SQL when that confirms the entities, else "
                            + "replayed on a throwaway server;")
                    .endsWith("; the throwaway server starts when needed");
        }
        // a warm chain is taken from the replay cache, whatever the command expects
        assertThat(ComparisonPlan.onEmbeddedDefault(new Facts(true, true, false, true, true).checking())
                        .schemaAtHead())
                .isEqualTo(SchemaAtHead.REPLAY_CACHE);
    }

    @Test
    void warmCachesStartNoServerUntilOneIsNeeded() {
        Facts warm = new Facts(true, true, false, true, true);

        ComparisonPlan plan = ComparisonPlan.onEmbeddedDefault(warm);

        assertThat(plan)
                .isEqualTo(new ComparisonPlan(
                        SchemaAtHead.REPLAY_CACHE, EntitySide.THROWAWAY, EntityDdlFrom.CACHE, true, false));
        assertThat(warm.asked)
                .containsExactly("entity cache", "replay cache", "holds nothing", "holds chain", "ddl cached");
        assertThat(plan.toString()).endsWith("; the throwaway server starts when needed");
    }

    @Test
    void aStaleEntityCacheRunsTheProviderWhileAServerStarts() {
        Facts staleEntities = new Facts(true, true, false, true, false);

        assertThat(ComparisonPlan.onEmbeddedDefault(staleEntities))
                .isEqualTo(new ComparisonPlan(
                        SchemaAtHead.REPLAY_CACHE,
                        EntitySide.THROWAWAY,
                        EntityDdlFrom.PROVIDER_INTO_CACHE,
                        true,
                        true));
    }

    /** Fixed answers, with what was asked in order. */
    private static final class Facts implements ComparisonPlan.EmbeddedFacts {
        private final boolean entityCache;
        private final boolean replayCache;
        private final boolean holdsNothing;
        private final boolean holdsChain;
        private final boolean ddlCached;
        private boolean expectingNoDifference;
        final List<String> asked = new ArrayList<>();

        Facts(boolean entityCache, boolean replayCache, boolean holdsNothing, boolean holdsChain, boolean ddlCached) {
            this.entityCache = entityCache;
            this.replayCache = replayCache;
            this.holdsNothing = holdsNothing;
            this.holdsChain = holdsChain;
            this.ddlCached = ddlCached;
        }

        @Override
        public boolean entityCache() {
            asked.add("entity cache");
            return entityCache;
        }

        @Override
        public boolean replayCache() {
            asked.add("replay cache");
            return replayCache;
        }

        @Override
        public boolean replayCacheHoldsNothing() {
            asked.add("holds nothing");
            return holdsNothing;
        }

        @Override
        public boolean replayCacheHoldsChain() {
            asked.add("holds chain");
            return holdsChain;
        }

        @Override
        public boolean entityDdlCached() {
            asked.add("ddl cached");
            return ddlCached;
        }

        @Override
        public boolean expectingNoDifference() {
            asked.add("expecting no difference");
            return expectingNoDifference;
        }

        /** As {@code check} asks: a difference is the exception. */
        Facts checking() {
            expectingNoDifference = true;
            return this;
        }
    }
}
