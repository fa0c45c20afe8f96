package dev.raftops.executor.http;

import dev.raftops.executor.ActionFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS towards the workload: TLS 1.3 or 1.2 only, trusting the PEM bundle of {@code RAFTOPS_CA_FILE}
 * when given (the workload's own CA), else the JDK's trust store.
 */
public final class Tls {

    private Tls() {
    }

    public static SSLParameters parameters() {
        SSLParameters p = new SSLParameters();
        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        p.setEndpointIdentificationAlgorithm("HTTPS");
        return p;
    }

    /** A context trusting exactly the certificates in {@code caFile}, or the JDK's defaults when null. */
    public static SSLContext context(Path caFile) {
        try {
            if (caFile == null) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(caFile)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certificates.isEmpty()) {
                throw ActionFailure.refused("RAFTOPS_CA_FILE " + caFile + " holds no PEM certificate");
            }
            int i = 0;
            for (Certificate c : certificates) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw ActionFailure.refused("RAFTOPS_CA_FILE " + caFile + " cannot be read: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw ActionFailure.refused("RAFTOPS_CA_FILE " + caFile + " is not a PEM certificate bundle: " + e.getMessage());
        }
    }
}
