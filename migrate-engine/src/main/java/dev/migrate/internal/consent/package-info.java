/**
 * Consent for runs that can lose data or history: which planned statements can ({@link
 * dev.migrate.internal.consent.LossClassifier}), which coding agent runs the tool ({@link
 * dev.migrate.internal.consent.CodingAgents}), and the token bound to one plan on one database that lets such a run
 * go ahead under an agent ({@link dev.migrate.internal.consent.ConsentGate}).
 */
@NullMarked
package dev.migrate.internal.consent;

import org.jspecify.annotations.NullMarked;
