/**
 * The lowest layer of the implementation: checks of what callers pass, date-times and raw query
 * strings as callers give them, and how messages show values without leaking them. Every other
 * package may use it; it uses none of them. Not part of the public API.
 */
@NullMarked
package dev.pipeliner.client.internal.arguments;

import org.jspecify.annotations.NullMarked;
