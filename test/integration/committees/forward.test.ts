/**
 * Privacy by default (issue 13): a committee sees no report text until the cell's secretary sends
 * one up, explicitly; then its secretary (and the officer in charge) read it, and it is audited.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { committeesFeature } from "../../../bot/core/features/committees/index.ts";
import { createReportsFeature } from "../../../bot/core/features/reports/index.ts";
import { createHarness, labelsOf, texts, walkCreateCell, type Harness } from "../../helpers/core-harness.ts";
import { walkCreateCommittee, walkLinkCell } from "../../helpers/committees.ts";
import { docxText } from "../../helpers/docx.ts";
import { longSubmitted, shortTemplate } from "../reports/fixtures.ts";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ features: [createReportsFeature({ templates: [shortTemplate] }), committeesFeature] });
});
afterEach(async () => {
  await h.close();
});

const reportText = "Luôn hoàn thành nhiệm vụ được giao.";

describe("sending a report up to the committee", () => {
  it("is offered to the secretary of a linked cell only; once sent, the committee's secretary reads it, audited", async () => {
    const { bt } = await longSubmitted(h);
    await h.runOutbox();
    // Not linked yet: no such button on the secretary's copy.
    expect(labelsOf(bt.inbox())).not.toContain("⬆ Gửi bản này lên cấp ủy");

    const officer = h.user("900");
    await walkCreateCell(officer, "Cơ quan Đảng ủy", "Lê Văn Cường");
    const code = await walkCreateCommittee(officer);
    await walkLinkCell(bt, officer, code);
    // Linked, but nothing sent: the committee has seen no text of the report.
    expect(texts(officer.inbox())).not.toContain(reportText);

    const version = await h.testDb.db.reportVersion.findFirstOrThrow();
    // Documents now carry the committee the cell is linked to in their header.
    const file = (await bt.press(`bc:dl:${version.id}`)).find((m) => m.file)?.file;
    expect((await docxText(file!.bytes)).toUpperCase()).toContain("ĐẢNG ỦY PHƯỜNG ĐÔNG THANH");
    const read = await bt.press(`bc:rd:${version.id}`);
    expect(labelsOf(read)).toContain("⬆ Gửi bản này lên cấp ủy");
    const asked = await bt.choose("⬆ Gửi bản này lên cấp ủy");
    expect(texts(asked)).toContain("Gửi bản của đồng chí Lê Văn Long lên Đảng ủy phường Đông Thanh?");
    const done = await bt.choose("Gửi lên cấp ủy");
    expect(texts(done)).toContain("Đã gửi lên Đảng ủy phường Đông Thanh (1 đồng chí nhận)");
    await h.runOutbox();
    const got = texts(officer.inbox());
    expect(got).toContain("Trần Thị Bình (Chi bộ Khu phố 3) gửi lên cấp ủy");
    expect(got).toContain(reportText);
    // The committee's copy decides nothing: no accept or return.
    expect(labelsOf(officer.inbox().slice(-2))).not.toContain("Tiếp nhận");
    const audit = await h.testDb.db.auditLog.findFirstOrThrow({ where: { action: "report.forwarded" } });
    expect(audit.committeeId).not.toBeNull();
    expect(JSON.parse(audit.details)).toMatchObject({ versionId: version.id, recipients: 1 });
  });

  it("refuses a plain member's forged press and an unlinked cell's, sending nothing", async () => {
    const { long } = await longSubmitted(h);
    const version = await h.testDb.db.reportVersion.findFirstOrThrow();
    expect(texts(await long.press(`bc:fw!:${version.id}`))).toMatch(/chỉ bí thư/);
    expect(texts(await h.user("bt").press(`bc:fw!:${version.id}`))).toContain("chưa liên kết với cấp ủy");
    expect(await h.testDb.db.outboxMessage.count({ where: { kind: "report.forwarded" } })).toBe(0);
  });
});
