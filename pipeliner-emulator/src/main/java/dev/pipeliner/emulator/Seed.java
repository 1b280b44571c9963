package dev.pipeliner.emulator;

/**
 * The data a team pipeline of the emulator starts with.
 */
public enum Seed {

	/** No entities at all. */
	EMPTY,

	/**
	 * A small, realistic data set, identical on every start: three users, three sales units, twelve
	 * accounts, thirty contacts, six leads and ten opportunities related to them, with notes,
	 * tasks, stages, industries, products and currencies.
	 */
	DEMO

}
