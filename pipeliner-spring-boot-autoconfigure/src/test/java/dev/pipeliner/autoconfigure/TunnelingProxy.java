package dev.pipeliner.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy for tests that answers {@code CONNECT} for any host by tunnelling to one local
 * port, and records each {@code CONNECT} request with its headers.
 */
final class TunnelingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int target;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	TunnelingProxy(int target) throws IOException {
		this.target = target;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "tunneling-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	List<String> requests() {
		return this.requests;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Thread tunnel = new Thread(() -> tunnel(client), "tunneling-proxy-connection");
				tunnel.setDaemon(true);
				tunnel.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void tunnel(Socket client) {
		try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target)) {
			InputStream in = client.getInputStream();
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					return;
				}
				head.write(b);
			}
			this.requests.add(head.toString(StandardCharsets.ISO_8859_1));
			client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			Thread back = new Thread(() -> copy(upstreamInput(upstream), outputOf(client)));
			back.setDaemon(true);
			back.start();
			copy(in, upstream.getOutputStream());
			back.join(1000);
		}
		catch (IOException | InterruptedException ex) {
			// the connection ended
		}
	}

	private static InputStream upstreamInput(Socket socket) {
		try {
			return socket.getInputStream();
		}
		catch (IOException ex) {
			return InputStream.nullInputStream();
		}
	}

	private static OutputStream outputOf(Socket socket) {
		try {
			return socket.getOutputStream();
		}
		catch (IOException ex) {
			return OutputStream.nullOutputStream();
		}
	}

	private static void copy(InputStream in, OutputStream out) {
		try {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side closed
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
