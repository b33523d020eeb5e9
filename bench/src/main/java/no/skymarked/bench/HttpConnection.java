package no.skymarked.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection on a plain socket: writes a request, reads the status, headers and body
 * (Content-Length or chunked). Small enough that the load generator is not what limits the numbers.
 */
final class HttpConnection implements AutoCloseable {
    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] line = new byte[8192];

    /** A response: status, its ETag (or null) and, when asked for, the body. */
    record Response(int status, byte[] body, String etag) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] post(String path, String body, String... headers) {
        return withBody("POST", path, body, headers);
    }

    static byte[] put(String path, String body, String... headers) {
        return withBody("PUT", path, body, headers);
    }

    private static byte[] withBody(String method, String path, String body, String... headers) {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n")
                .append("Accept: application/json\r\nContent-Type: application/json\r\n")
                .append("Content-Length: ").append(payload.length).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + payload.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(payload, 0, all, h.length, payload.length);
        return all;
    }

    /** Sends one request and reads the whole response; reconnects if the server closed the connection. */
    Response exchange(byte[] request, boolean keepBody) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        }
        out.write(request);
        out.flush();
        String statusLine = readLine();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("bad status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String etag = null;
        for (String h = readLine(); !h.isEmpty(); h = readLine()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("transfer-encoding") && value.toLowerCase().contains("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                close = true;
            } else if (name.equalsIgnoreCase("etag")) {
                etag = value;
            }
        }
        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        if (chunked) {
            while (true) {
                String size = readLine();
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!readLine().isEmpty()) {
                        // trailers
                    }
                    break;
                }
                read(n, body);
                readLine();
            }
        } else if (length > 0) {
            read(length, body);
        }
        if (close) {
            close();
        }
        return new Response(status, body == null ? new byte[0] : body.toByteArray(), etag);
    }

    private void read(long n, ByteArrayOutputStream body) throws IOException {
        long left = n;
        while (left > 0) {
            int r = in.read(line, 0, (int) Math.min(line.length, left));
            if (r < 0) {
                throw new EOFException("connection closed in a body");
            }
            if (body != null) {
                body.write(line, 0, r);
            }
            left -= r;
        }
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) c);
        }
        throw new EOFException("connection closed");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
