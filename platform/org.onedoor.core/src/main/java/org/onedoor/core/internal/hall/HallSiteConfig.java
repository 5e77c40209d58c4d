package org.onedoor.core.internal.hall;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One hall of the city ({@code etc/org.onedoor.hall.site~<id>.cfg}): its names, address and zones. */
@ObjectClassDefinition(name = "OneDoor hall", description = "A service hall served by these nodes: names, address and its zones")
public @interface HallSiteConfig {

    @AttributeDefinition(description = "Hall id: lower-case words joined by hyphens, at most 24 characters (zhumadian is the default hall)")
    String id();

    @AttributeDefinition(description = "Chinese name")
    String nameZh();

    @AttributeDefinition(description = "English name")
    String nameEn();

    @AttributeDefinition(description = "Street address, Chinese first")
    String address() default "";

    @AttributeDefinition(description = "The hall's zones as a JSON array of zone descriptors (the format of a zone bundle's "
            + "onedoor/zone.json; the hall is this one); empty when the hall's zones come from zone bundles naming the hall")
    String zones() default "";
}
