package org.onedoor.core.internal.matter;

import java.time.Instant;
import java.util.List;
import org.onedoor.api.matter.LoadedCatalog;
import org.onedoor.store.HallDatabase;

/** The catalog files an operator loaded, kept in the store (table {@code catalog_file}) as the text that was loaded. */
final class CatalogFileStore {

    /** A kept file's name and text. */
    record Stored(String name, String content) {
    }

    private final HallDatabase database;

    CatalogFileStore(HallDatabase database) {
        this.database = database;
    }

    /** @return every kept file with its text, by name */
    List<Stored> readAll() {
        try {
            return database.withHandle(h -> h.createQuery("SELECT name, content FROM catalog_file ORDER BY name")
                    .map((rs, ctx) -> new Stored(rs.getString("name"), rs.getString("content")))
                    .list());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot read the loaded catalog files: " + e.getMessage(), e);
        }
    }

    /** @return every kept file without its text, by name */
    List<LoadedCatalog> loaded() {
        try {
            return database.withHandle(h -> h.createQuery("SELECT name, matters, loaded_by, loaded_at FROM catalog_file ORDER BY name")
                    .map((rs, ctx) -> new LoadedCatalog(rs.getString("name"), rs.getInt("matters"), rs.getString("loaded_by"),
                            rs.getTimestamp("loaded_at").toInstant()))
                    .list());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot list the loaded catalog files: " + e.getMessage(), e);
        }
    }

    /** Keeps (replaces) a file in one transaction. */
    void keep(String name, String content, int matters, String actor, Instant at) {
        try {
            database.useTransaction(h -> {
                h.createUpdate("DELETE FROM catalog_file WHERE name = :name").bind("name", name).execute();
                h.createUpdate("INSERT INTO catalog_file (name, content, matters, loaded_by, loaded_at)"
                        + " VALUES (:name, :content, :matters, :actor, :at)")
                        .bind("name", name).bind("content", content).bind("matters", matters)
                        .bind("actor", actor).bind("at", at)
                        .execute();
            });
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot keep catalog file " + name + ": " + e.getMessage(), e);
        }
    }

    /** @return whether a file of that name was kept */
    boolean remove(String name) {
        try {
            return database.withHandle(h -> h.createUpdate("DELETE FROM catalog_file WHERE name = :name")
                    .bind("name", name).execute()) > 0;
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot remove catalog file " + name + ": " + e.getMessage(), e);
        }
    }
}
