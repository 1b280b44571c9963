/**
 * The emulator's data, whichever protocol it speaks: a table per collection with paging that costs
 * in proportion to the page, the team pipelines (v1) or spaces (v100) that hold them, the schema of
 * the standard entities, the checks a write must pass, the errors they raise, seeds and the demo
 * data set. Not part of the public API.
 */
@NullMarked
package dev.pipeliner.emulator.internal.store;

import org.jspecify.annotations.NullMarked;
