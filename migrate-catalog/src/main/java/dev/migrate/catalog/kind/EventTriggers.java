package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/** Event triggers whose function lives in a managed schema, with their tags and state. */
final class EventTriggers implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.EVENT_TRIGGER;
    }

    @Override
    public String presence() {
        return KindReading.exists("pg_event_trigger e", "true");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_event_trigger'::regclass::oid AS classid, e.oid AS objid, quote_ident(e.evtname) AS identity,
                       format('CREATE EVENT TRIGGER %I ON %I%s EXECUTE FUNCTION %s();', e.evtname, e.evtevent,
                              COALESCE(' WHEN TAG IN (' || (SELECT string_agg(quote_literal(g), ', ')
                                                            FROM unnest(e.evttags) g) || ')', ''),
                              e.evtfoid::regproc)
                       || CASE e.evtenabled
                              WHEN 'D' THEN format(E'\\nALTER EVENT TRIGGER %I DISABLE;', e.evtname)
                              WHEN 'R' THEN format(E'\\nALTER EVENT TRIGGER %I ENABLE REPLICA;', e.evtname)
                              WHEN 'A' THEN format(E'\\nALTER EVENT TRIGGER %I ENABLE ALWAYS;', e.evtname)
                              ELSE '' END
                       || {comment} AS sql, 0::oid AS relid
                FROM pg_event_trigger e JOIN {pg_proc p in s} ON p.oid = e.evtfoid
                JOIN pg_namespace n ON n.oid = p.pronamespace
                """.replace(
                "{comment}",
                KindReading.comment(
                        "EVENT TRIGGER", "quote_ident(e.evtname)", "obj_description(e.oid, 'pg_event_trigger')"));
    }
}
