package dev.pipeliner.emulator.spring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.pipeliner.emulator.PipelinerEmulator;

/**
 * The emulators that {@link AutoConfigurePipelinerEmulator} and the development-time support
 * start, and which client each serves: the default client ({@code default}) and every named one.
 * Clients of one protocol share an emulator, each in its own space (v100) or team pipeline (v1).
 * A bean, {@code pipelinerEmulators}; inject it to reach a named client's emulator:
 * <pre>{@code
 * PipelinerEmulator legacy = emulators.get("legacy");
 * legacy.insert(emulators.getSpace("legacy"), "Accounts", accounts);
 * }</pre>
 */
public final class PipelinerEmulators implements AutoCloseable {

	private final Map<String, Served> clients;

	private final List<PipelinerEmulator> emulators;

	PipelinerEmulators(Map<String, Served> clients, List<PipelinerEmulator> emulators) {
		this.clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
		this.emulators = List.copyOf(emulators);
	}

	/**
	 * @param client {@code default}, or the name of a named client
	 * @return the emulator that serves it
	 * @throws IllegalArgumentException naming the clients served, if none has that name
	 */
	public PipelinerEmulator get(String client) {
		return served(client).emulator();
	}

	/**
	 * @param client {@code default}, or the name of a named client
	 * @return the space (v100) or team pipeline (v1) it uses on its emulator
	 * @throws IllegalArgumentException naming the clients served, if none has that name
	 */
	public String getSpace(String client) {
		return served(client).space();
	}

	/** @return the names of the clients served, {@code default} first */
	public Set<String> names() {
		return this.clients.keySet();
	}

	/** Puts every space of every emulator back to its seed. */
	public void reset() {
		this.emulators.forEach(PipelinerEmulator::reset);
	}

	/** Stops every emulator. */
	@Override
	public void close() {
		this.emulators.forEach(PipelinerEmulator::close);
	}

	/** @return each client with its emulator's URL and its space; never a password */
	@Override
	public String toString() {
		return this.clients.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue().emulator().getUrl() + " "
					+ entry.getValue().space())
			.collect(Collectors.joining(", ", "PipelinerEmulators[", "]"));
	}

	private Served served(String client) {
		Served served = this.clients.get(client);
		if (served == null) {
			throw new IllegalArgumentException("client: no emulator serves a client named '" + client + "'; served: "
					+ this.clients.keySet());
		}
		return served;
	}

	/** The emulator that serves a client, and the space the client uses there. */
	record Served(PipelinerEmulator emulator, String space) {
	}

}
