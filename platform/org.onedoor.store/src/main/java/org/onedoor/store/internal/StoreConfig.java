package org.onedoor.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the node's store, PID {@code org.onedoor.store} ({@code etc/org.onedoor.store.cfg}). */
@ObjectClassDefinition(name = "OneDoor store", description = "Where the hall node keeps its durable record")
public @interface StoreConfig {

    @AttributeDefinition(description = "JDBC URL. Empty: embedded H2 under the node's data/ folder. "
            + "jdbc:postgresql://host:port/db switches to PostgreSQL.")
    String url() default "";

    @AttributeDefinition(description = "Database user (PostgreSQL)")
    String user() default "";

    @AttributeDefinition(description = "Database password (PostgreSQL). Prefer passwordFile: a password "
            + "written here is shown by configuration listings (config:list, admins only)", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "File holding the database password (its first line), readable only by "
            + "the node's user, e.g. ${karaf.etc}/onedoor-store.password. Wins over password")
    String passwordFile() default "";

    @AttributeDefinition(description = "Largest number of pooled connections")
    int maxPoolSize() default 10;

    @AttributeDefinition(description = "Seconds to wait for a connection before failing")
    int connectionTimeoutSeconds() default 10;
}
