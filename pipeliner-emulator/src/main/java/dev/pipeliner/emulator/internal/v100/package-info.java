/**
 * The Pipeliner Cloud API v100 as the emulator serves it, derived at start from the project's
 * contract (the vendor's OpenAPI document, corrected, that the jar carries): its paths and
 * authentication, the collections and their entities, inputs and checks, lists with keyset
 * cursors, filters and expansion, single and batch writes with their validation levels and
 * rollback methods, the metadata collections, v100's demo data, and its success and error
 * envelopes, all over the shared store. Not part of the public API.
 */
@NullMarked
package dev.pipeliner.emulator.internal.v100;

import org.jspecify.annotations.NullMarked;
