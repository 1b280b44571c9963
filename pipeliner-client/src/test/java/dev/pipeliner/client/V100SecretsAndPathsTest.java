package dev.pipeliner.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import dev.pipeliner.client.ScriptedV100Server.Reply;
import dev.pipeliner.client.error.PipelinerApiException;
import dev.pipeliner.client.error.PipelinerAuthenticationException;
import dev.pipeliner.client.error.PipelinerDecodingException;
import dev.pipeliner.client.error.PipelinerRedirectException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What a v100 server sends never shows the credentials or a URL's user info, and a name from the
 * {@code Entities} collection that is not one path segment is never put into a path.
 */
class V100SecretsAndPathsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void credentialsAServerEchoesAreRedactedWhereverItsTextIsShown() throws Exception {
		Random random = new Random(4);
		String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"\\/+=%&<>é ";
		for (int seed = 0; seed < 40; seed++) {
			StringBuilder password = new StringBuilder("pw");
			for (int i = 0; i < 8 + random.nextInt(20); i++) {
				password.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String user = "app-user-" + seed;
			String secret = password.toString();
			String basic = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
			String quoted = JSON.writeValueAsString(secret);
			String echoed = switch (seed % 5) {
				case 0 -> "Bad credentials for " + user + ":" + secret;
				case 1 -> "{\"code\":401,\"name\":\"ERROR_UNAUTHORIZED\",\"message\":\"wrong password " + quoted.substring(1,
						quoted.length() - 1) + " for " + user + "\",\"success\":false}";
				case 2 -> "{\"message\":\"Authorization: Basic " + basic + " refused\"}";
				case 3 -> "denied: " + URLEncoder.encode(secret, StandardCharsets.UTF_8) + " / " + user;
				default -> "{\"code\":40000,\"message\":\"invalid\",\"field_errors\":{\"password\":[\"" + quoted.substring(1,
						quoted.length() - 1) + " is wrong\"]},\"entity_errors\":[\"" + user + " is locked\"],\"success\":false}";
			};
			int status = (seed % 5 == 4) ? 422 : 401;
			try (ScriptedV100Server server = new ScriptedV100Server((n, request) -> new Reply(status, echoed))) {
				PipelinerClient client = server.clientBuilder().credentials(user, secret).build();
				Throwable thrown = catchThrowable(() -> client.getEntity("Contacts", "c-1").block());
				assertThat(thrown).as(echoed).isInstanceOf(PipelinerApiException.class);
				PipelinerApiException ex = (PipelinerApiException) thrown;
				for (String shown : new String[] { ex.getMessage(), ex.toString(), String.valueOf(ex.getServerMessage()),
						String.valueOf(ex.getCause()) }) {
					assertThat(shown).as(echoed).doesNotContain(secret).doesNotContain(basic).doesNotContain(user)
						.doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8));
				}
				if (status == 401) {
					assertThat(ex).isInstanceOf(PipelinerAuthenticationException.class);
					assertThat(ex.getMessage()).contains("REDACTED");
				}
			}
		}
	}

	@Test
	void aRedirectNeverShowsTheUserInfoOfItsLocation() throws Exception {
		String location = "https://sso-admin:s3cr3t-sso@login.example.com/sso?next=%2F";
		try (ScriptedV100Server server = new ScriptedV100Server(
				(n, request) -> new Reply(302, "", Map.of("Location", location)))) {
			assertThatThrownBy(() -> server.clientBuilder().build().getEntity("Contacts", "c-1").block())
				.isInstanceOfSatisfying(PipelinerRedirectException.class, (ex) -> {
					assertThat(ex.getMessage()).doesNotContain("s3cr3t").doesNotContain("sso-admin").contains("login.example.com");
					assertThat(ex.toString()).doesNotContain("s3cr3t").doesNotContain("sso-admin");
					assertThat(String.valueOf(ex.getLocation())).doesNotContain("s3cr3t").doesNotContain("sso-admin")
						.isEqualTo("https://login.example.com/sso?next=%2F");
				});
		}
	}

	@Test
	void aNameThatIsNotOnePathSegmentIsNeverSentAndNotCached() throws Exception {
		for (String name : new String[] { "..", ".", "Contacts/..", "Con tacts", "%2e%2e", "Contacts?x=1", "" }) {
			String entities = "{\"success\":true,\"total\":1,\"page_info\":{\"has_next_page\":false},\"data\":["
					+ "{\"id\":\"e1\",\"name_singular\":\"Contact\",\"name_plural\":" + JSON.writeValueAsString(name) + "}]}";
			try (ScriptedV100Server server = new ScriptedV100Server(entities,
					(n, request) -> Reply.ok("{\"success\":true,\"data\":{\"id\":\"c-1\"}}"))) {
				PipelinerClient client = server.clientBuilder().build();
				assertThatThrownBy(() -> client.getEntity("Contact", "c-1").block()).as(name)
					.isInstanceOf(PipelinerDecodingException.class)
					.hasMessageContaining("Entities");
				assertThatThrownBy(() -> client.getEntityPublic().block()).as(name).isInstanceOf(PipelinerDecodingException.class);
				assertThat(server.paths).as(name).hasSize(2).allMatch((path) -> path.endsWith("/entities/Entities"));
			}
		}
	}

}
