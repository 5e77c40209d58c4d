package org.onedoor.api.matter;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Loads catalog files (format {@code onedoor-catalog/1}, or a unit's catalog spreadsheet, .xlsx) at run time, keeps them in the store so
 * they survive restarts, and offers their matters; offered by the core.
 *
 * <p>Calls block on the database. A file is checked whole before anything is kept: a bad entry,
 * an unknown unit or a code that another source already offers refuses the whole file.
 */
@ProviderType
public interface CatalogLoader {

    /**
     * @param name  a name for the file, letters, digits, '.', '_' and '-' (replaces a file loaded under that name)
     * @param bytes the file's content: UTF-8 JSON, or an .xlsx workbook (told by its content)
     * @param actor who loads it
     * @return what was loaded
     * @throws IllegalArgumentException naming what is wrong; nothing is loaded then
     */
    LoadedCatalog load(String name, byte[] bytes, String actor);

    /**
     * @param name a loaded file's name
     * @return true if a file of that name was unloaded
     */
    boolean unload(String name);

    /** @return the files loaded at run time */
    List<LoadedCatalog> loaded();
}
