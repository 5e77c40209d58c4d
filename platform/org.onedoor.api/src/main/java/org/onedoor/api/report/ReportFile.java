package org.onedoor.api.report;

/** The files a report is kept as. */
public enum ReportFile {
    /** The media report card (PDF with an embedded CJK font). */
    PDF("pdf", "application/pdf"),
    /** The workbook for the government inspection office. */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String contentType;

    ReportFile(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** @return the file name's extension, without the dot */
    public String extension() {
        return extension;
    }

    /** @return the media type */
    public String contentType() {
        return contentType;
    }
}
