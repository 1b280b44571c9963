/**
 * The exceptions a call fails with: what the server answered, what could not be sent or read,
 * and what a protocol does not offer. Each says whether a retry could help.
 */
@NullMarked
package dev.pipeliner.client.error;

import org.jspecify.annotations.NullMarked;
