package org.onedoor.core.internal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plug-in signing certificates registered for each department: the PEM file
 * {@code <folder>/<DEPT>.pem} (one or more certificates), plus the hall's own {@code HALL.pem},
 * which vouches for every department (it signs the hall's catalog bundle). Read on every check, so
 * a newly registered or withdrawn key counts at the next install without a restart.
 */
final class DepartmentKeys {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentKeys.class);

    private final Path folder;

    DepartmentKeys(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** The file name (without .pem) of the hall's own certificates. */
    static final String HALL = "HALL";

    /** @return the certificates registered for the department itself; empty when there are none */
    List<X509Certificate> of(String department) {
        if (!department.matches("[A-Za-z0-9_-]{1,32}") || department.equals(HALL)) {
            return List.of();
        }
        return read(department);
    }

    /** @return the hall's own certificates, which may sign for every department */
    List<X509Certificate> hall() {
        return read(HALL);
    }

    private List<X509Certificate> read(String name) {
        String department = name;
        Path file = folder.resolve(department + ".pem");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
            return certs;
        } catch (IOException | CertificateException | ClassCastException e) {
            LOG.error("OneDoor plug-ins: cannot read the certificates of department {} in {}: {}", department, file, e.getMessage());
            return List.of();
        }
    }
}
