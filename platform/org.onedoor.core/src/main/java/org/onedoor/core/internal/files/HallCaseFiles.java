package org.onedoor.core.internal.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseFile;
import org.onedoor.api.cases.CaseFiles;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.hall.HallClock;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Scanned files of cases' materials in the hall's database (table {@code case_file}): a file is
 * checked by its content (PDF, JPEG, PNG), stored with its SHA-256 and audited in one transaction;
 * its content is read by the case's deciding department only, and each read is audited too.
 */
@Component(service = CaseFiles.class, configurationPid = "org.onedoor.files")
@Designate(ocd = FilesConfig.class)
public final class HallCaseFiles implements CaseFiles {

    /** Roles of the front counter, who take the files at the window. */
    static final String[] FRONT = {"admin", "operator", "clerk"};
    /** Roles that see which files a case carries (not their content). */
    static final String[] HALL_STAFF = {"admin", "operator", "clerk", "supervisor"};
    private static final int NAME_MAX = 128;
    private static final String COLUMNS = "f.id, f.case_no, f.material, m.name AS material_name, f.file_name, f.content_type,"
            + " f.size_bytes, f.sha256, f.uploaded_by, f.uploaded_at";

    private final HallDatabase database;
    private final AuditOutbox audit;
    private final HallClock clock;
    private final FilesConfig config;

    @Activate
    public HallCaseFiles(@Reference HallDatabase database, @Reference AuditOutbox audit, @Reference HallClock clock, FilesConfig config) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    /** The case as the files see it. */
    private record Owner(String departmentId, CaseState state) {
    }

    @Override
    public CaseFile attach(String caseNumber, int material, String fileName, String declaredType, byte[] content, CaseActor actor) {
        String name = name(fileName);
        if (content == null || content.length == 0) {
            throw new CaseException(CaseException.Reason.INVALID, "empty-file", "文件为空 (the file is empty)", "file");
        }
        if (content.length > config.maxFileBytes()) {
            throw new CaseException(CaseException.Reason.TOO_LARGE, "file-too-large", "文件 " + content.length + " 字节，超过上限 "
                    + config.maxFileBytes() + " 字节 (the file is larger than " + config.maxFileBytes() + " bytes)", "file");
        }
        FileKind kind = FileKind.sniff(content).orElseThrow(() -> new CaseException(CaseException.Reason.UNSUPPORTED_TYPE,
                "unsupported-file-type", "只接受 PDF、JPEG、PNG 扫描件；该文件的内容不是其中之一 (only PDF, JPEG and PNG scans are"
                + " taken; the file's content is none of them)", "file"));
        if (!kind.agreesWith(declaredType)) {
            throw new CaseException(CaseException.Reason.UNSUPPORTED_TYPE, "unsupported-file-type", "文件以 " + declaredType
                    + " 发送，但内容是 " + kind.contentType() + " (sent as " + declaredType + " but its content is " + kind.contentType() + ")",
                    "Content-Type");
        }
        String sha256 = sha256(content);
        Instant now = clock.now().truncatedTo(ChronoUnit.MILLIS);
        record Done(CaseFile file, AuditOutbox.Held held) {
        }
        Done done = database.inTransaction(h -> {
            Owner owner = owner(h, caseNumber, true);
            if (!actor.holdsAny(FRONT) && !ofDepartment(actor, owner)) {
                throw forbidden(actor, caseNumber, "只有窗口人员和承办单位可以上传 (only the front counter and the deciding unit attach files)");
            }
            if (!owner.state().undecided()) {
                throw new CaseException(CaseException.Reason.CONFLICT, "case-decided", "办件 " + caseNumber + " 已" + owner.state().chinese()
                        + "，不能再补充文件 (the case is decided; no more files)");
            }
            // materials are numbered from 1 as the pages list them; the store's positions count from 0
            String materialName = h.createQuery("SELECT name FROM case_material WHERE case_no = :no AND position = :position")
                    .bind("no", caseNumber).bind("position", material - 1).mapTo(String.class).findOne()
                    .orElseThrow(() -> new CaseException(CaseException.Reason.NOT_FOUND, "unknown-material", "办件 " + caseNumber
                            + " 没有第 " + material + " 项材料 (no material " + material + " in this case)", "material"));
            int held = h.createQuery("SELECT COUNT(*) FROM case_file WHERE case_no = :no").bind("no", caseNumber).mapTo(Integer.class).one();
            if (held >= config.maxFilesPerCase()) {
                throw new CaseException(CaseException.Reason.TOO_LARGE, "too-many-files", "办件已有 " + held + " 个文件，达到上限 (the case"
                        + " already carries " + held + " files, the most it may)", "file");
            }
            long id = h.createUpdate("INSERT INTO case_file (case_no, material, file_name, content_type, size_bytes, sha256, content,"
                    + " uploaded_by, uploaded_at) VALUES (:no, :material, :name, :type, :size, :sha, :content, :by, :at)")
                    .bind("no", caseNumber).bind("material", material - 1).bind("name", name).bind("type", kind.contentType())
                    .bind("size", (long) content.length).bind("sha", sha256).bind("content", content)
                    .bind("by", actor.user()).bind("at", Timestamp.from(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            CaseFile file = new CaseFile(id, caseNumber, material, materialName, name, kind.contentType(), content.length, sha256,
                    actor.user(), now);
            return new Done(file, audit.hold(h, new AuditEvent("case-file-attach", actor.user(), actor.origin(), caseNumber,
                    AuditEvent.SUCCESS, "file " + id + " material " + material + " " + kind.contentType() + " " + content.length
                    + " bytes sha256=" + sha256)));
        });
        audit.deliver(done.held());
        return done.file();
    }

    @Override
    public List<CaseFile> files(String caseNumber, CaseActor actor) {
        return database.withHandle(h -> {
            Owner owner = owner(h, caseNumber, false);
            if (!actor.holdsAny(HALL_STAFF) && !ofDepartment(actor, owner)) {
                throw forbidden(actor, caseNumber, "办件文件只对大厅工作人员和承办单位可见 (a case's files are shown to the hall's staff"
                        + " and the deciding unit only)");
            }
            return h.createQuery("SELECT " + COLUMNS + " FROM case_file f JOIN case_material m"
                    + " ON m.case_no = f.case_no AND m.position = f.material WHERE f.case_no = :no ORDER BY f.id")
                    .bind("no", caseNumber).map(HallCaseFiles::file).list();
        });
    }

    @Override
    public Content open(String caseNumber, long fileId, CaseActor actor) {
        record Read(Content content, AuditOutbox.Held held) {
        }
        Read read = database.inTransaction(h -> {
            Owner owner = owner(h, caseNumber, false);
            if (!ofDepartment(actor, owner)) {
                throw forbidden(actor, caseNumber, "扫描件内容只对承办单位 " + owner.departmentId() + " 可见 (a file's content is"
                        + " shown to the deciding unit " + owner.departmentId() + " only)");
            }
            Optional<CaseFile> file = h.createQuery("SELECT " + COLUMNS + " FROM case_file f JOIN case_material m"
                    + " ON m.case_no = f.case_no AND m.position = f.material WHERE f.case_no = :no AND f.id = :id")
                    .bind("no", caseNumber).bind("id", fileId).map(HallCaseFiles::file).findOne();
            if (file.isEmpty()) {
                throw new CaseException(CaseException.Reason.NOT_FOUND, "unknown-file", "办件 " + caseNumber + " 没有文件 " + fileId
                        + " (no such file in this case)", "file");
            }
            byte[] bytes = h.createQuery("SELECT content FROM case_file WHERE id = :id").bind("id", fileId)
                    .map((rs, ctx) -> rs.getBytes("content")).one();
            return new Read(new Content(file.get(), bytes), audit.hold(h, new AuditEvent("case-file-read", actor.user(), actor.origin(),
                    caseNumber, AuditEvent.SUCCESS, "file " + fileId + " sha256=" + file.get().sha256())));
        });
        audit.deliver(read.held());
        return read.content();
    }

    private static Owner owner(Handle h, String caseNumber, boolean lock) {
        String number = caseNumber == null ? "" : caseNumber;
        return h.createQuery("SELECT department_id, state FROM hall_case WHERE case_no = :no" + (lock ? " FOR UPDATE" : ""))
                .bind("no", number)
                .map((rs, ctx) -> new Owner(rs.getString("department_id"), CaseState.valueOf(rs.getString("state"))))
                .findOne().orElseThrow(() -> new CaseException(CaseException.Reason.NOT_FOUND, "unknown-case",
                        "没有办件 " + (number.length() > 40 ? number.substring(0, 40) + "…" : number) + " (no such case)"));
    }

    private static boolean ofDepartment(CaseActor actor, Owner owner) {
        return actor.department().map(owner.departmentId()::equals).orElse(false);
    }

    private static CaseException forbidden(CaseActor actor, String caseNumber, String why) {
        return new CaseException(CaseException.Reason.FORBIDDEN, "out-of-department", "用户 " + actor.user() + " 不能处理办件 "
                + caseNumber + " 的文件：" + why);
    }

    /** @return the file name, checked: 1 to 128 characters, no path, no control characters */
    static String name(String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > NAME_MAX) {
            throw new CaseException(CaseException.Reason.INVALID, "invalid-file-name", "文件名应为 1 到 " + NAME_MAX
                    + " 个字符 (the file name must be 1 to " + NAME_MAX + " characters)", "name");
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\'
                || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.UNASSIGNED)) {
            throw new CaseException(CaseException.Reason.INVALID, "invalid-file-name", "文件名不能含路径分隔符或控制字符"
                    + " (the file name must not hold a path separator or control characters)", "name");
        }
        return name;
    }

    private static CaseFile file(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CaseFile(rs.getLong("id"), rs.getString("case_no"), rs.getInt("material") + 1, rs.getString("material_name"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
