package dev.pipeliner.emulator.spring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.pipeliner.autoconfigure.PipelinerClients;
import dev.pipeliner.autoconfigure.PipelinerClientsConnectionDetails;
import dev.pipeliner.autoconfigure.PipelinerConnectionDetails;

/**
 * Connects every named client to the emulator that serves it, in its space, in place of
 * {@code pipeliner.clients.<name>.*}.
 */
final class EmulatorClientsConnectionDetails implements PipelinerClientsConnectionDetails {

	private final Map<String, PipelinerConnectionDetails> clients;

	EmulatorClientsConnectionDetails(PipelinerEmulators emulators) {
		Map<String, PipelinerConnectionDetails> clients = new LinkedHashMap<>();
		emulators.names()
			.stream()
			.filter((name) -> !name.equals(PipelinerClients.DEFAULT))
			.forEach((name) -> clients.put(name, new EmulatorConnectionDetails(emulators.get(name), emulators.getSpace(name))));
		this.clients = Collections.unmodifiableMap(clients);
	}

	@Override
	public Map<String, PipelinerConnectionDetails> getClients() {
		return this.clients;
	}

	@Override
	public String toString() {
		return "EmulatorClientsConnectionDetails" + this.clients;
	}

}
