package io.skillsync.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP path from one replica to the Kubernetes API server that the test can cut, as a network fault or
 * a frozen process would: the replica's requests then fail, and it can no longer renew its Lease.
 */
final class ApiGate implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    ApiGate(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "api-gate-" + listener.getLocalPort());
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Every connection closed, every new one refused at once. */
    void cut() {
        cut = true;
        open.forEach(ApiGate::quietly);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket in = listener.accept();
                if (cut) {
                    quietly(in);
                    continue;
                }
                Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(in);
                open.add(out);
                pipe(in, out);
                pipe(out, in);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread copying = new Thread(() -> {
            try (InputStream input = from.getInputStream(); OutputStream output = to.getOutputStream()) {
                input.transferTo(output);
            } catch (IOException e) {
                // the other side closed, or the gate was cut
            } finally {
                quietly(from);
                quietly(to);
            }
        });
        copying.setDaemon(true);
        copying.start();
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
    }
}
