package dev.pipeliner.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pipeliner.client.PipelinerProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks the four settings of an account written in properties before a client is built from
 * them: each is set, and none is a placeholder left unresolved.
 */
final class PipelinerAccountCheck {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)[^}]*}");

	private PipelinerAccountCheck() {
	}

	/**
	 * @param prefix where the account lives, such as {@code pipeliner} or
	 * {@code pipeliner.clients.us}
	 * @throws MissingPipelinerPropertiesException naming each missing property
	 * @throws UnresolvedPipelinerPlaceholderException naming the first property that holds a
	 * placeholder
	 */
	static void check(String prefix, PipelinerAccount account) {
		Map<String, @Nullable String> settings = new LinkedHashMap<>();
		settings.put(prefix + ".url", account.getUrl());
		if (account.getProtocol() == PipelinerProtocol.V100) {
			settings.put(prefix + ".space", account.getSpace());
		}
		else {
			settings.put(prefix + ".team-pipeline", account.getTeamPipeline());
		}
		settings.put(prefix + ".api-token", account.getApiToken());
		settings.put(prefix + ".api-password", account.getApiPassword());
		List<String> missing = new ArrayList<>();
		settings.forEach((property, value) -> {
			if (!StringUtils.hasText(value)) {
				missing.add(property);
			}
		});
		if (!missing.isEmpty()) {
			throw new MissingPipelinerPropertiesException(prefix.equals("pipeliner") ? "pipeliner.url" : prefix, missing);
		}
		requireResolved(settings);
	}

	/**
	 * @param settings property names to their values; {@code null} values are skipped
	 * @throws UnresolvedPipelinerPlaceholderException naming the first property that holds a
	 * placeholder. A secret (a token or password) counts only when the whole value is one, so
	 * that a password that happens to contain {@code ${…}} is neither refused nor quoted.
	 */
	static void requireResolved(Map<String, @Nullable String> settings) {
		settings.forEach((property, value) -> {
			if (value == null) {
				return;
			}
			Matcher placeholder = PLACEHOLDER.matcher(value);
			boolean secret = property.endsWith("token") || property.endsWith("password");
			if (secret ? placeholder.matches() : placeholder.find()) {
				throw new UnresolvedPipelinerPlaceholderException(property, placeholder.group(1));
			}
		});
	}

}
