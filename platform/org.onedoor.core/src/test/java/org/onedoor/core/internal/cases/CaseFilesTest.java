package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseFile;
import org.onedoor.api.cases.CaseFiles;
import org.onedoor.api.hall.HallClock;
import org.onedoor.core.internal.files.HallCaseFiles;

/** Scanned files of a case's materials on a real H2 store: content checks, limits, who sees what, audit with the SHA-256. */
class CaseFilesTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private final CaseFixture f = new CaseFixture();
    private final CaseFiles files = new HallCaseFiles(f.database, f.outbox, HallClock.of(f.clock), limits(64, 3));

    private String accepted() {
        return f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase().number();
    }

    @Test
    void aScanIsStoredWithItsHashAndOnlyTheDecidingUnitReadsIt() throws Exception {
        String no = accepted();
        CaseFile pdf = files.attach(no, 1, "身份证正反面.pdf", "application/pdf", PDF, CaseFixture.CLERK);
        assertEquals("申请人居民身份证", pdf.materialName());
        assertEquals("application/pdf", pdf.contentType());
        assertEquals(PDF.length, pdf.size());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PDF)), pdf.sha256());
        CaseFile png = files.attach(no, 2, "photo.png", "", PNG, CaseFixture.CLERK);
        assertEquals("image/png", png.contentType());

        List<CaseFile> listed = files.files(no, CaseFixture.CLERK);
        assertEquals(List.of(pdf.id(), png.id()), listed.stream().map(CaseFile::id).toList());
        assertArrayEquals(PDF, files.open(no, pdf.id(), CaseFixture.APPROVER_A17).bytes());
        assertEquals("out-of-department", assertThrows(CaseException.class, () -> files.open(no, pdf.id(), CaseFixture.CLERK)).code());
        assertEquals("out-of-department", assertThrows(CaseException.class,
                () -> files.open(no, pdf.id(), CaseFixture.APPROVER_A15)).code());
        assertEquals("out-of-department", assertThrows(CaseException.class, () -> files.files(no, CaseFixture.APPROVER_A15)).code());
        assertEquals("unknown-file", assertThrows(CaseException.class, () -> files.open(no, pdf.id() + 100, CaseFixture.DEPT_A17)).code());

        List<String> actions = f.auditActions();
        assertTrue(actions.containsAll(List.of("case-file-attach/success", "case-file-read/success")), actions.toString());
        assertTrue(f.audit.stream().anyMatch(e -> e.action().equals("case-file-attach") && e.detail().contains("sha256=" + pdf.sha256())),
                "the attach record names the file's SHA-256");
    }

    @Test
    void theContentDecidesTheTypeNotTheNameOrTheHeader() {
        String no = accepted();
        CaseException text = assertThrows(CaseException.class, () -> files.attach(no, 1, "scan.pdf", "application/pdf",
                "not a scan".getBytes(StandardCharsets.UTF_8), CaseFixture.CLERK));
        assertEquals("unsupported-file-type", text.code());
        assertEquals(CaseException.Reason.UNSUPPORTED_TYPE, text.reason());
        assertEquals("file", text.field());
        CaseException claimed = assertThrows(CaseException.class, () -> files.attach(no, 1, "scan.jpg", "image/jpeg", PDF, CaseFixture.CLERK));
        assertEquals("Content-Type", claimed.field());
        assertEquals(List.of(), files.files(no, CaseFixture.CLERK), "nothing refused is stored");
    }

    @Test
    void limitsAndBadRequestsAreRefusedNamingTheField() {
        String no = accepted();
        assertEquals("name", assertThrows(CaseException.class, () -> files.attach(no, 1, "../etc/passwd.pdf", "", PDF, CaseFixture.CLERK)).field());
        assertEquals("name", assertThrows(CaseException.class, () -> files.attach(no, 1, " ", "", PDF, CaseFixture.CLERK)).field());
        assertEquals("name", assertThrows(CaseException.class, () -> files.attach(no, 1, "a\u0000.pdf", "", PDF, CaseFixture.CLERK)).field());
        assertEquals("file", assertThrows(CaseException.class, () -> files.attach(no, 1, "a.pdf", "", new byte[0], CaseFixture.CLERK)).field());
        CaseException big = assertThrows(CaseException.class, () -> files.attach(no, 1, "a.pdf", "", new byte[65], CaseFixture.CLERK));
        assertEquals(CaseException.Reason.TOO_LARGE, big.reason());
        assertEquals("material", assertThrows(CaseException.class, () -> files.attach(no, 9, "a.pdf", "", PDF, CaseFixture.CLERK)).field());
        assertEquals("unknown-case", assertThrows(CaseException.class,
                () -> files.attach("A17-20991231-9999", 1, "a.pdf", "", PDF, CaseFixture.CLERK)).code());
        assertEquals("out-of-department", assertThrows(CaseException.class,
                () -> files.attach(no, 1, "a.pdf", "", PDF, CaseFixture.APPROVER_A15)).code());
        for (int i = 0; i < 3; i++) {
            files.attach(no, 1, "page" + i + ".pdf", "", PDF, i == 0 ? CaseFixture.DEPT_A17 : CaseFixture.CLERK);
        }
        assertEquals("too-many-files", assertThrows(CaseException.class, () -> files.attach(no, 1, "a.pdf", "", PDF, CaseFixture.CLERK)).code());
    }

    @Test
    void aDecidedCaseTakesNoMoreFiles() {
        String no = accepted();
        files.attach(no, 1, "id.pdf", "", PDF, CaseFixture.CLERK);
        f.cases.decide(no, true, "", CaseFixture.APPROVER_A17);
        assertEquals("case-decided", assertThrows(CaseException.class, () -> files.attach(no, 1, "late.pdf", "", PDF, CaseFixture.CLERK)).code());
        assertEquals(1, files.files(no, CaseFixture.DEPT_A17).size());
    }

    private static org.onedoor.core.internal.files.FilesConfig limits(long maxBytes, int maxFiles) {
        return new org.onedoor.core.internal.files.FilesConfig() {
            @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return org.onedoor.core.internal.files.FilesConfig.class; }
            @Override public long maxFileBytes() { return maxBytes; }
            @Override public int maxFilesPerCase() { return maxFiles; }
        };
    }
}
