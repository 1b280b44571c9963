package dev.pipeliner.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named clients' connections read from {@code pipeliner.clients.<name>.*}, one
 * {@link PropertiesPipelinerConnectionDetails} for each name.
 */
final class PropertiesPipelinerClientsConnectionDetails implements PipelinerClientsConnectionDetails {

	private final Map<String, PipelinerConnectionDetails> clients;

	PropertiesPipelinerClientsConnectionDetails(PipelinerProperties properties) {
		Map<String, PipelinerConnectionDetails> clients = new LinkedHashMap<>();
		properties.getClients()
			.forEach((name, account) -> clients.put(name,
					new PropertiesPipelinerConnectionDetails("pipeliner.clients." + name, account)));
		this.clients = Collections.unmodifiableMap(clients);
	}

	@Override
	public Map<String, PipelinerConnectionDetails> getClients() {
		return this.clients;
	}

	@Override
	public String toString() {
		return "PropertiesPipelinerClientsConnectionDetails" + this.clients.keySet();
	}

}
