/** Walks shared by the committee tests: creating a committee and linking a cell to it, as users do. */
import { texts, type TestUser } from "./core-harness.ts";

/** The officer (already registered with a name, e.g. a cell's secretary) creates a committee; returns its code as shown. */
export async function walkCreateCommittee(officer: TestUser, name = "Đảng ủy phường Đông Thanh", parentCode?: string): Promise<string> {
  await officer.command("taocapuy");
  await officer.say(name);
  const out = parentCode ? await officer.say(parentCode) : await officer.pressLabel("Bỏ qua");
  const code = /Mã cấp ủy: (CU-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(texts(out))?.[1];
  if (!code) throw new Error(`no committee code in: ${texts(out)}`);
  return code;
}

/** The cell's secretary asks to link the cell with the code, and the committee's secretary approves. */
export async function walkLinkCell(cellSecretary: TestUser, committeeSecretary: TestUser, code: string): Promise<void> {
  await cellSecretary.command("capuytren");
  await cellSecretary.pressLabel("Nhập mã cấp ủy");
  await cellSecretary.say(code);
  await committeeSecretary.choose("✅ Đồng ý");
}
