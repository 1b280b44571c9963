/**
 * Queries as values: filters, sort orders and the other conditions of a read. They hold what the
 * caller asked for, and each protocol writes them in its own form when a query is sent.
 */
@NullMarked
package dev.pipeliner.client.query;

import org.jspecify.annotations.NullMarked;
