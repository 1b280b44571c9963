package dev.pipeliner.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * How the named clients of {@link PipelinerClients} reach Pipeliner: a
 * {@link PipelinerConnectionDetails} for each, by name. The auto-configuration creates one named
 * client for each entry, and reads nothing else to connect them.
 * <p>
 * By default it comes from {@code pipeliner.clients.<name>.*}. A bean of this type replaces those
 * properties altogether, names included, whatever they say: this is how the emulator's test and
 * development-time support give every named client an emulator. The default client has a
 * {@link PipelinerConnectionDetails} bean of its own; the name {@value PipelinerClients#DEFAULT}
 * is its, and not allowed here.
 */
public interface PipelinerClientsConnectionDetails extends ConnectionDetails {

	/**
	 * @return the connection of each named client, by name, in the order the registry lists them
	 */
	Map<String, PipelinerConnectionDetails> getClients();

}
