/**
 * The build's code generator: it reads the project's v100 contract
 * ({@code contract/pipeliner-v100.openapi.json}) and writes the client's records of the standard
 * v100 entities, and the table of their required fields that the documentation shows. It runs
 * while the client compiles and is not published.
 */
@NullMarked
package dev.pipeliner.codegen;

import org.jspecify.annotations.NullMarked;
