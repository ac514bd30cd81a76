package dev.migrate.autogen;

/**
 * Which way a comparison of the entities with the schema at head goes, chosen before it starts from
 * the request and what the caches hold; {@link Autogenerate} carries it out. The provider always writes
 * the entity DDL on a thread of its own (unless the entity cache holds it), and the entity side read
 * from that DDL without a server ({@code ProviderDdlSchema}) is always tried before one is built: what
 * differs from route to route is where the schema at head comes from, where the entity side is built,
 * and whether a throwaway server starts at once.
 *
 * @param schemaAtHead where the schema at head comes from
 * @param entitySide where the entity side is built when neither the entity cache nor the reading answers
 * @param entityDdl where the entity DDL comes from, as far as known before the comparison starts
 * @param keepReplayed whether a replayed schema is kept in the replay cache for the next run
 * @param serverAtOnce whether the throwaway server starts at once, while the provider boots: a
 *     replay is certain, or the provider runs anyway; otherwise it starts when first needed, if ever
 */
record ComparisonPlan(
        SchemaAtHead schemaAtHead,
        EntitySide entitySide,
        EntityDdlFrom entityDdl,
        boolean keepReplayed,
        boolean serverAtOnce) {

    /** Where the schema at head comes from. */
    enum SchemaAtHead {
        /** The configured database's catalog, read while the provider writes the DDL. */
        CONFIGURED_DATABASE("the configured database"),
        /** The replay cache, which holds this chain's; the chain is replayed when the comparison needs the server. */
        REPLAY_CACHE("the replay cache, else replayed on a throwaway server"),
        /**
         * Read from the SQL the migrations render, without a server, when that confirms the entities ({@code
         * check} on a fresh checkout); else replayed on a throwaway server, started only then.
         */
        CHAIN_SQL("read from the migrations' SQL when that confirms the entities, else replayed on a throwaway server"),
        /** The chain replayed on a throwaway server. */
        REPLAYED("replayed on a throwaway server");

        private final String shown;

        SchemaAtHead(String shown) {
            this.shown = shown;
        }
    }

    /** Where the entity side is built when the entity cache lacks it and its reading does not confirm a match. */
    enum EntitySide {
        /** A scratch schema on the configured database, created and dropped by the comparison. */
        SCRATCH_SCHEMA("a scratch schema on the configured database"),
        /** A throwaway server of the configured server's major version, started only when needed. */
        THROWAWAY_OF_CONFIGURED_VERSION("a throwaway server of the configured server's version, started if needed"),
        /** A database of the throwaway server of the replay or the replay cache, beside the replayed one. */
        THROWAWAY("a database of the throwaway server");

        private final String shown;

        EntitySide(String shown) {
            this.shown = shown;
        }
    }

    /** Where the entity DDL comes from. */
    enum EntityDdlFrom {
        /** The provider, on a thread of its own: no entity cache. */
        PROVIDER("the provider"),
        /** The entity cache, or the provider when it lacks the DDL: not asked before the comparison starts. */
        CACHE_OR_PROVIDER("the entity cache, else the provider"),
        /** The entity cache, which holds it: the provider does not start. */
        CACHE("the entity cache"),
        /** The provider, since the entity cache lacks it (and then keeps it). */
        PROVIDER_INTO_CACHE("the provider, kept in the entity cache");

        private final String shown;

        EntityDdlFrom(String shown) {
            this.shown = shown;
        }
    }

    /**
     * What the embedded default's plan depends on, each asked only when its answer decides something and
     * in this order: a replay cache without any replayed schema is not asked about this chain, nor the
     * entity cache about the DDL unless the replay cache holds this chain.
     */
    interface EmbeddedFacts {
        /** Whether the request has an entity cache. */
        boolean entityCache();

        /** Whether the request has a replay cache. */
        boolean replayCache();

        /** Whether the replay cache holds no replayed schema at all (a fresh checkout, say). */
        boolean replayCacheHoldsNothing();

        /** Whether the replay cache holds a schema this chain replayed to on this server. */
        boolean replayCacheHoldsChain();

        /** Whether the entity cache holds the entity DDL: waits for its lookup, not for the provider. */
        boolean entityDdlCached();

        /** Whether a difference is the exception, as for {@code check} ({@link AutogenerateRequest#expectingNoDifference()}). */
        boolean expectingNoDifference();
    }

    /**
     * The plan on a configured database (which must be at head).
     *
     * @param entitiesElsewhere whether the entity side is built on a throwaway server rather than in a
     *     scratch schema on it ({@link ComparisonDatabase}, asked of the database for {@code AUTO})
     * @param entityCache whether the request has an entity cache
     */
    static ComparisonPlan onConfigured(boolean entitiesElsewhere, boolean entityCache) {
        return new ComparisonPlan(
                SchemaAtHead.CONFIGURED_DATABASE,
                entitiesElsewhere ? EntitySide.THROWAWAY_OF_CONFIGURED_VERSION : EntitySide.SCRATCH_SCHEMA,
                entityCache ? EntityDdlFrom.CACHE_OR_PROVIDER : EntityDdlFrom.PROVIDER,
                false,
                false);
    }

    /** The plan on the embedded default, where there is no configured database. */
    static ComparisonPlan onEmbeddedDefault(EmbeddedFacts facts) {
        boolean entityCache = facts.entityCache();
        if (!entityCache || !facts.replayCache()) {
            // without both caches the chain is replayed every time, and nothing read is kept
            return new ComparisonPlan(
                    SchemaAtHead.REPLAYED,
                    EntitySide.THROWAWAY,
                    entityCache ? EntityDdlFrom.CACHE_OR_PROVIDER : EntityDdlFrom.PROVIDER,
                    false,
                    true);
        }
        if (facts.replayCacheHoldsNothing() || !facts.replayCacheHoldsChain()) {
            // a check expects no difference: the migrations' SQL may confirm it before any server starts;
            // otherwise a chain the cache has never seen is replayed for sure, the server starting while the
            // provider boots
            boolean read = facts.expectingNoDifference();
            return new ComparisonPlan(
                    read ? SchemaAtHead.CHAIN_SQL : SchemaAtHead.REPLAYED,
                    EntitySide.THROWAWAY,
                    EntityDdlFrom.CACHE_OR_PROVIDER,
                    true,
                    !read);
        }
        // with the DDL cached nothing may need a server; else the provider runs, and a server starts meanwhile
        boolean ddlCached = facts.entityDdlCached();
        return new ComparisonPlan(
                SchemaAtHead.REPLAY_CACHE,
                EntitySide.THROWAWAY,
                ddlCached ? EntityDdlFrom.CACHE : EntityDdlFrom.PROVIDER_INTO_CACHE,
                true,
                !ddlCached);
    }

    @Override
    public String toString() {
        return "schema at head: " + schemaAtHead.shown
                + "; entity DDL: " + entityDdl.shown
                + "; entity side: the entity cache, else read without a server, else built in " + entitySide.shown
                + (keepReplayed ? "; a replayed schema is kept" : "")
                + (schemaAtHead == SchemaAtHead.CONFIGURED_DATABASE
                        ? ""
                        : serverAtOnce
                                ? "; the throwaway server starts at once"
                                : "; the throwaway server starts when needed");
    }
}
