package dev.pipeliner.client.sync;

import java.util.List;

import dev.pipeliner.client.Entity;

/**
 * One page of an incremental sync: the changed entities, in {@code modified} order, and the
 * checkpoint to store once they are applied. Apply the changes and store the checkpoint together
 * (in one transaction, where the store has them): a crash between the two then repeats the page
 * on the next run, which an at-least-once sync allows, and loses nothing.
 * @param changes the entities read, in their state when read; on v100 deleted ones too, with
 * {@code is_deleted} true (see {@link IncrementalSync#isDeleted(Entity)}); empty in the last batch
 * of a read
 * @param checkpoint where the next read goes on from, once these changes are applied
 */
public record SyncBatch(List<Entity> changes, SyncCheckpoint checkpoint) {

	/**
	 * @param changes the entities read
	 * @param checkpoint where the next read goes on from
	 */
	public SyncBatch {
		changes = List.copyOf(changes);
	}

}
