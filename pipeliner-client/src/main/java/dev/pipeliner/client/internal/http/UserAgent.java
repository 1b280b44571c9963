package dev.pipeliner.client.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The {@code User-Agent} every request carries: the library and its version, then the Java
 * version, as the vendor's SDKs name themselves. Not part of the public API.
 */
final class UserAgent {

	static final String VALUE = "pipeliner-spring-boot-starter/" + version() + " (Java/"
			+ System.getProperty("java.version") + ")";

	private UserAgent() {
	}

	private static String version() {
		try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			String version = properties.getProperty("version", "");
			return (version.isEmpty() || version.startsWith("$")) ? "unknown" : version;
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
