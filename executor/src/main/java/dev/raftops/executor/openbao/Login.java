package dev.raftops.executor.openbao;

import dev.raftops.executor.ActionFailure;
import dev.raftops.executor.http.Reply;
import dev.raftops.executor.http.WorkloadHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The workload token, got when first needed: {@code POST /v1/auth/<mount>/login} with
 * {@code {role, jwt}}, the JWT being the projected service-account token read from
 * {@code RAFTOPS_TOKEN_FILE} at that moment (it rotates). The Kubernetes and the JWT auth methods
 * both take that shape and answer {@code auth.client_token}. Neither the JWT nor the token is ever
 * logged or reported.
 */
public final class Login {

    private final WorkloadHttp http;
    private final Path tokenFile;
    private final String mount;
    private final String role;
    private String token;

    public Login(WorkloadHttp http, Path tokenFile, String mount, String role) {
        this.http = http;
        this.tokenFile = tokenFile;
        this.mount = mount;
        this.role = role;
    }

    /** The current token, logging in through {@code base} (a pod's base URL) when there is none. */
    public String token(Members members, String pod) {
        if (token == null) {
            token = login(members.api(pod, "auth/" + mount + "/login"));
        }
        return token;
    }

    /** Forgets the token (the workload rejected it: expired or revoked), so the next call logs in again. */
    public void forget() {
        token = null;
    }

    public String describe() {
        return "auth mount \"" + mount + "\" role \"" + role + "\"";
    }

    private String login(URI uri) {
        String jwt;
        try {
            jwt = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw ActionFailure.refused("RAFTOPS_TOKEN_FILE " + tokenFile + " cannot be read: " + e.getClass().getSimpleName());
        }
        if (jwt.isEmpty()) {
            throw ActionFailure.refused("RAFTOPS_TOKEN_FILE " + tokenFile + " is empty");
        }
        Reply reply = http.call("POST", uri, null, Map.of("role", role, "jwt", jwt));
        if (reply.status() == 400 || reply.status() == 401 || reply.status() == 403 || reply.status() == 404) {
            throw ActionFailure.refused("the workload rejected the login with " + describe() + " (HTTP " + reply.status()
                    + (reply.errors().isEmpty() ? "" : ": " + reply.errors())
                    + "); check that the auth method is enabled at that mount and the role binds this Job's service account");
        }
        if (!reply.ok()) {
            throw ActionFailure.retryable("login with " + describe() + " failed: HTTP " + reply.status()
                    + (reply.errors().isEmpty() ? "" : " (" + reply.errors() + ")"));
        }
        String clientToken = reply.body().path("auth").path("client_token").asString("");
        if (clientToken.isEmpty()) {
            throw ActionFailure.refused("login with " + describe() + " answered no auth.client_token");
        }
        return clientToken;
    }
}
