package io.tapintercom.intercom;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 whose first connection gets the status line, the headers and half
 * the body, and then nothing for as long as the client stays; every later one gets the whole answer.
 * WireMock cannot stall mid-body, and a stalled body is what held syncs for ever.
 */
final class StallingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final byte[] body;
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch stalledConnectionClosed = new CountDownLatch(1);
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private StallingServer(String body) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.body = body.getBytes(StandardCharsets.UTF_8);
        Thread acceptor = new Thread(this::accept, "stalling-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static StallingServer start(String body) throws IOException {
        return new StallingServer(body);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** Counts down when the client hangs up on the stalled exchange. */
    CountDownLatch stalledConnectionClosed() {
        return stalledConnectionClosed;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                open.add(connection);
                int number = connections.incrementAndGet();
                Thread handler = new Thread(() -> serve(connection, number == 1), "stalling-server-" + number);
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection, boolean stall) {
        try (connection) {
            InputStream in = connection.getInputStream();
            readHead(in);
            OutputStream out = connection.getOutputStream();
            String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + (stall ? "" : "\r\nConnection: close") + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, stall ? body.length / 2 : body.length);
            out.flush();
            if (stall) {
                // Nothing more, ever: wait for the client to give up and close its end.
                while (in.read() >= 0) {
                    // discard
                }
                stalledConnectionClosed.countDown();
            }
        } catch (IOException e) {
            if (stall) {
                stalledConnectionClosed.countDown();
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : open) {
            connection.close();
        }
    }
}
