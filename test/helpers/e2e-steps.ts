import { expect } from "vitest";
import { inviteCodeIn, type E2EUser, type E2EWorld } from "./e2e.ts";

/** The secretary creates "Chi bộ Khu phố 3" and admits the given members; returns everyone and the invite code. */
export async function cellWithMembers(world: E2EWorld, secretaryName: string, members: { n: number; name: string }[]) {
  const secretary = world.user(2001, "Bí thư");
  await secretary.command("taochibo");
  await secretary.expectMessage("Tên chi bộ là gì?");
  await secretary.say("Khu phố 3");
  await secretary.choose(await secretary.expectMessage("đảng bộ nào"), "Bỏ qua");
  await secretary.expectMessage("họ và tên");
  await secretary.say(secretaryName);
  await secretary.choose(await secretary.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
  await secretary.choose(await secretary.expectMessage("thuộc đối tượng nào"), "Hưu trí");
  await secretary.choose(await secretary.expectMessage("Số điện thoại"), "Bỏ qua");
  const code = inviteCodeIn((await secretary.expectMessage("Mã mời vào")).text)!;
  const users: E2EUser[] = [];
  for (const m of members) {
    const u = world.user(m.n, m.name.split(" ").at(-1)!);
    await u.openInvite(code);
    await u.expectMessage("họ và tên");
    await u.say(m.name);
    await u.choose(await u.expectMessage("chính thức hay dự bị"), "Đảng viên chính thức");
    await u.choose(await u.expectMessage("thuộc đối tượng nào"), "Công nhân");
    await u.choose(await u.expectMessage("Số điện thoại"), "Bỏ qua");
    await u.choose(await u.expectMessage("kiểm tra lại"), "Gửi yêu cầu");
    await secretary.choose(await secretary.expectMessage(new RegExp(`Yêu cầu tham gia[\\s\\S]*${m.name}`)), "Duyệt");
    await u.expectMessage("Đồng chí đã là thành viên");
    users.push(u);
  }
  expect(users).toHaveLength(members.length);
  return { secretary, users, code };
}
