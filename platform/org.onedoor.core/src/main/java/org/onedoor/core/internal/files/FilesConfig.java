package org.onedoor.core.internal.files;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits of the scanned files of cases (pid {@code org.onedoor.files}). */
@ObjectClassDefinition(name = "OneDoor case files", description = "Limits of the scanned files attached to cases' materials")
public @interface FilesConfig {

    @AttributeDefinition(description = "Largest file, in bytes (a scanned A4 page at 300 dpi is about 1 MB as JPEG)")
    long maxFileBytes() default 10L * 1024 * 1024;

    @AttributeDefinition(description = "Most files one case may carry")
    int maxFilesPerCase() default 60;
}
