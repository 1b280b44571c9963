package dev.pipeliner.client.sync;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The checkpoint's stored forms: a versioned string and Java serialization, both read back exactly. */
class SyncCheckpointTest {

	@Test
	void everyCheckpointReadsBackFromItsStringAndItsSerializedForm() throws Exception {
		Random random = new Random(17);
		for (int i = 0; i < 500; i++) {
			SyncCheckpoint checkpoint = (i == 0) ? SyncCheckpoint.start()
					: SyncCheckpoint.from(Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
							random.nextInt(1_000_000_000)));
			assertThat(SyncCheckpoint.parse(checkpoint.toString())).isEqualTo(checkpoint);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
				out.writeObject(checkpoint);
			}
			try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
				assertThat(in.readObject()).isEqualTo(checkpoint);
			}
		}
	}

	@Test
	void theStringFormIsVersioned() {
		assertThat(SyncCheckpoint.from(Instant.parse("2024-05-06T14:00:02.512345Z"))).hasToString(
				"1:2024-05-06T14:00:02.512345Z");
		assertThat(SyncCheckpoint.start()).hasToString("1:start");
		assertThat(SyncCheckpoint.parse("1:start").from()).isNull();
	}

	@Test
	void anythingElseIsRefusedNamingTheArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> SyncCheckpoint.parse("2024-05-06T14:00:02Z"))
			.withMessageContaining("value is not a sync checkpoint").withMessageContaining("'2024-05-06T14:00:02Z'");
		assertThatIllegalArgumentException().isThrownBy(() -> SyncCheckpoint.parse("2:2024-05-06T14:00:02Z"))
			.withMessageContaining("must start with '1:'");
		assertThatIllegalArgumentException().isThrownBy(() -> SyncCheckpoint.parse("1:yesterday"))
			.withMessageContaining("ISO-8601 instant");
		assertThatIllegalArgumentException().isThrownBy(() -> SyncCheckpoint.parse(null))
			.withMessageContaining("value must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> SyncCheckpoint.from(null))
			.withMessageContaining("SyncCheckpoint.start()");
	}

}
