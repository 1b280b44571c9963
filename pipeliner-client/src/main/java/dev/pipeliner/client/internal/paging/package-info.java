/**
 * The paging engine: reads a collection page by page, by offset with an adaptive window of pages
 * in flight or by cursor one page ahead, checks every page against the ones before, and yields
 * continuation tokens. It asks for pages through a function and knows nothing of the wire. Not
 * part of the public API.
 */
@NullMarked
package dev.pipeliner.client.internal.paging;

import org.jspecify.annotations.NullMarked;
