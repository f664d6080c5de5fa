package nl.amsterdameconomicboard.roadmaps.support.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than the limit with 413 before anything parses it: a declared Content-Length at once,
 * before a byte is read; a body streamed without one (chunked) as soon as it passes the limit, so that no more than
 * the limit is ever held. The second case surfaces as {@link BodyTooLargeException} inside the JSON reader, which
 * {@link RequestBodyProblems} answers with the same 413. An import (a POST to a path ending in {@code /import}) has
 * its own, larger limit: a file of measurements is larger than any form.
 */
public final class BodySizeLimit extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final long importMaxBytes;

    public BodySizeLimit(long maxBytes) {
        this(maxBytes, maxBytes);
    }

    public BodySizeLimit(long maxBytes, long maxImportBytes) {
        this.defaultMaxBytes = maxBytes;
        this.importMaxBytes = maxImportBytes;
    }

    static boolean isImport(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/import");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = isImport(request) ? importMaxBytes : defaultMaxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            // the connection is closed rather than the rest of the body read and thrown away
            byte[] problem = Problems.json(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", tooLarge(maxBytes)).getBytes(StandardCharsets.UTF_8);
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(problem.length);
            response.getOutputStream().write(problem);
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    static String tooLarge(long maxBytes) {
        return "The request body is larger than this service accepts (" + maxBytes / 1024 + " KB); nothing was read or changed.";
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        Counting(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
