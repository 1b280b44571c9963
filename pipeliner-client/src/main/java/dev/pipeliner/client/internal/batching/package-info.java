/**
 * The batch engine: cuts many items into requests of the batch size, keeps a few in flight, and
 * accounts for every item in input order; and what batch flags mean for it. It sends requests
 * through a function and knows nothing of the wire. Not part of the public API.
 */
@NullMarked
package dev.pipeliner.client.internal.batching;

import org.jspecify.annotations.NullMarked;
