package dev.leviathan.engine.testkit;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A real smart-HTTP git server (JGit's GitServlet on Jetty) serving the repositories under a
 * directory at {@code http://127.0.0.1:PORT/git/<name>}, optionally requiring a token by HTTP
 * basic authentication, as a forge does. It records every Authorization header it saw.
 */
public final class GitHttpServer implements AutoCloseable {

    private final Server server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private GitHttpServer(Server server) {
        this.server = server;
    }

    /** Serves {@code root}/NAME; when {@code token} is not null, only to a client presenting it. */
    public static GitHttpServer start(Path root, String token) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        GitHttpServer git = new GitHttpServer(server);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver((request, name) -> {
            try {
                return new FileRepositoryBuilder().setGitDir(root.resolve(name).resolve(".git").toFile())
                        .setMustExist(true).build();
            } catch (IOException e) {
                throw new RepositoryNotFoundException(name, e);
            }
        });
        context.addServlet(new ServletHolder(servlet), "/git/*");
        if (token != null) {
            context.addFilter(new FilterHolder(git.requiring(token)), "/*", EnumSet.allOf(DispatcherType.class));
        }
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the git HTTP server", e);
        }
        return git;
    }

    private Filter requiring(String token) {
        return new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                String header = ((HttpServletRequest) request).getHeader("Authorization");
                if (header != null) {
                    authorizations.add(header);
                }
                if (header != null && header.startsWith("Basic ")) {
                    String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
                    if (decoded.endsWith(":" + token)) {
                        chain.doFilter(request, response);
                        return;
                    }
                }
                HttpServletResponse http = (HttpServletResponse) response;
                http.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
                http.sendError(401);
            }
        };
    }

    /** The clone URL of the repository {@code name}. */
    public String url(String name) {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/git/" + name;
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
