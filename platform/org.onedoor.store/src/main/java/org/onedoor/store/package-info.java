/** The hall's database access: one transaction helper over the hall's data source (JDBI handles). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.onedoor.store;
