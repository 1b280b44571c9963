/**
 * The emulator's HTTP server: carries whichever protocol it speaks over Reactor Netty, limits the
 * size of request bodies, and writes answers, long lists a chunk at a time. Knows nothing of
 * entities or protocols. Not part of the public API.
 */
@NullMarked
package dev.pipeliner.emulator.internal.http;

import org.jspecify.annotations.NullMarked;
