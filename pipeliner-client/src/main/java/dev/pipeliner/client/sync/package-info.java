/**
 * Incremental sync: reading what changed in a collection since a checkpoint, deletions included
 * where the API reports them, and handing back the next checkpoint for the application to store.
 * {@link dev.pipeliner.client.sync.IncrementalSync} reads at least once, in {@code modified}
 * order, and loses no change however the collection changes during the read, across restarts and
 * crashes between pages. It is built on the public {@link dev.pipeliner.client.PipelinerClient}
 * API only.
 */
@NullMarked
package dev.pipeliner.client.sync;

import org.jspecify.annotations.NullMarked;
