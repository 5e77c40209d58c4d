package org.onedoor.documents.internal;

import java.util.List;

/**
 * What one notice says, before it is laid out.
 *
 * @param title      the notice's title (受理通知书 …)
 * @param number     the document's reference: the case number, empty for a refusal
 * @param fields     labelled facts (申请人, 申请事项 …), in order
 * @param paragraphs the body text
 * @param items      a numbered list under the body (the materials to supply), may be empty
 * @param closing    text after the list (consequences, rights of appeal), may be empty
 * @param qrTarget   the address the QR code opens, empty for none
 * @param qrCaption  the line under the QR code
 * @param issuedOn   the date line at the foot (2026年11月27日)
 */
record NoticeContent(String title, String number, List<Field> fields, List<String> paragraphs, List<String> items,
        List<String> closing, String qrTarget, String qrCaption, String issuedOn) {

    record Field(String label, String value) {
    }

    NoticeContent {
        fields = List.copyOf(fields);
        paragraphs = List.copyOf(paragraphs);
        items = List.copyOf(items);
        closing = List.copyOf(closing);
    }
}
