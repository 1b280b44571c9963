package dev.pipeliner.client.internal.arguments;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check of entity names, which reads characters one by one, against the rule it keeps: a
 * letter, then letters, digits and underscores, at most {@link Arguments#MAX_ENTITY_NAME}.
 */
class ArgumentsTest {

	private static final Pattern RULE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0," + (Arguments.MAX_ENTITY_NAME - 1) + "}");

	@Test
	void entityNamesAreWhatTheRuleAccepts() {
		Random random = new Random(11);
		String alphabet = "aZ09_ -./?%é\u0000\u212AÄ";
		int accepted = 0;
		for (int i = 0; i < 20_000; i++) {
			StringBuilder name = new StringBuilder();
			int length = (i % 50 == 0) ? 95 + random.nextInt(10) : random.nextInt(6);
			for (int j = 0; j < length; j++) {
				name.append((random.nextInt(3) == 0) ? alphabet.charAt(random.nextInt(alphabet.length()))
						: (char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
			}
			String text = name.toString();
			boolean expected = RULE.matcher(text).matches();
			assertThat(Arguments.isEntityName(text)).as("'%s'", text).isEqualTo(expected);
			accepted += expected ? 1 : 0;
		}
		assertThat(accepted).isBetween(2_000, 18_000);
		assertThat(Arguments.isEntityName(null)).isFalse();
		assertThat(Arguments.isEntityName("Contacts")).isTrue();
		assertThat(Arguments.isEntityName("x".repeat(Arguments.MAX_ENTITY_NAME))).isTrue();
		assertThat(Arguments.isEntityName("x".repeat(Arguments.MAX_ENTITY_NAME + 1))).isFalse();
		assertThat(Arguments.isEntityName("_x")).isFalse();
		assertThat(Arguments.isEntityName("x_9")).isTrue();
	}

}
