import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { Choice, OutboundMessage } from "../../../bot/core/contract/messages.ts";
import { advance, start, type DraftState, type EngineInput, type EngineResult } from "../../../bot/core/features/reports/engine/engine.ts";
import type { EngineLocale } from "../../../bot/core/features/reports/engine/engine-texts.ts";
import { templateSchema, type MemberProfile, type Template } from "../../../bot/core/features/reports/engine/template-schema.ts";

export const templatesDir = fileURLToPath(new URL("../../../bot/core/features/reports/templates/", import.meta.url));

export const canBo: MemberProfile = { category: "can_bo", holdsPost: false };
export const leader: MemberProfile = { category: "can_bo", holdsPost: true };
export const retired: MemberProfile = { category: "huu_tri", holdsPost: false };

/** A small template with every step kind and every kind of condition. */
export const fixtureJson = {
  id: "mau-thu",
  version: 1,
  title: "Mẫu thử",
  description: "Mẫu dùng để kiểm thử.",
  steps: [
    { id: "gioi-thieu", kind: "info", text: "Lời giới thiệu." },
    { id: "mo-ta", kind: "text", title: "Mô tả", prompt: "Đồng chí mô tả ngắn.", hint: "Viết ngắn.", minLength: 10, maxLength: 50 },
    {
      id: "loai",
      kind: "single",
      title: "Loại",
      prompt: "Chọn loại.",
      options: [
        { id: "a", label: "Loại A" },
        { id: "b", label: "Loại B" },
        { id: "c", label: "Loại C" },
      ],
    },
    { id: "co-viec", kind: "yesno", title: "Có việc", prompt: "Có việc không?" },
    { id: "chi-tiet", kind: "text", title: "Chi tiết", prompt: "Chi tiết việc.", when: { answer: "co-viec", equals: true } },
    { id: "chuc-vu", kind: "text", title: "Chức vụ", prompt: "Chức vụ?", optional: true, when: { profile: "holdsPost", equals: true } },
    {
      id: "nghi-huu",
      kind: "text",
      title: "Nơi cư trú",
      prompt: "Nơi cư trú?",
      promptByCategory: { huu_tri: "Nơi cư trú sau khi nghỉ hưu?" },
      when: { not: { profile: "category", in: ["hoc_sinh"] } },
    },
    {
      id: "mat",
      kind: "multi",
      title: "Các mặt",
      prompt: "Chọn các mặt.",
      pageSize: 3,
      minSelections: 1,
      maxSelections: 4,
      options: [
        { id: "m1", label: "Mặt 1", group: "Nhóm X" },
        { id: "m2", label: "Mặt 2", group: "Nhóm X" },
        { id: "m3", label: "Mặt 3", group: "Nhóm X" },
        { id: "m4", label: "Mặt 4", group: "Nhóm Y" },
        { id: "m5", label: "Mặt 5", group: "Nhóm Y" },
        { id: "m6", label: "Mặt 6", group: "Nhóm Y" },
        { id: "m7", label: "Mặt 7" },
      ],
    },
    {
      id: "tu-soi",
      kind: "rating",
      title: "Tự soi",
      prompt: "Tự đánh giá.",
      items: [
        { id: "x", label: "Mục X", quotes: [{ text: "Trích dẫn X.", source: "Văn bản thử" }] },
        { id: "y", label: "Mục Y" },
      ],
    },
    { id: "khac-phuc", kind: "text", title: "Khắc phục", prompt: "Khắc phục?", when: { answer: "tu-soi", in: ["present", "risk"] } },
    { id: "xep-loai", kind: "grade", title: "Xếp loại", prompt: "Tự xếp loại." },
    { id: "ghi-chu", kind: "text", title: "Ghi chú", prompt: "Ghi chú thêm?", optional: true },
  ],
};

export function fixture(overrides: Partial<typeof fixtureJson> = {}): Template {
  return templateSchema.parse({ ...fixtureJson, ...overrides });
}

export function allChoices(outputs: OutboundMessage[]): Choice[] {
  return outputs.flatMap((o) => (o.choices ?? []).flat());
}

export function allText(outputs: OutboundMessage[]): string {
  return outputs.map((o) => o.text).join("\n");
}

export function expectChoiceDataFits(outputs: OutboundMessage[]) {
  for (const c of allChoices(outputs)) expect(Buffer.byteLength(c.data, "utf8")).toBeLessThanOrEqual(64);
}

/** Plays a conversation: keeps the state and the last outputs, presses buttons by their label. */
export class Chat {
  state: DraftState;
  outputs: OutboundMessage[];
  event: EngineResult["event"];
  readonly seen: Choice[] = [];

  constructor(
    readonly template: Template,
    readonly profile: MemberProfile = canBo,
    readonly locale: EngineLocale = "vi",
  ) {
    const r = start(template, profile, locale);
    this.state = r.state;
    this.outputs = r.outputs;
    this.record(r);
  }

  private record(r: EngineResult) {
    this.state = r.state;
    this.outputs = r.outputs;
    this.event = r.event;
    expectChoiceDataFits(r.outputs);
    this.seen.push(...allChoices(r.outputs));
    return this;
  }

  send(input: EngineInput) {
    return this.record(advance(this.template, this.state, input, this.profile, this.locale));
  }

  text(text: string) {
    return this.send({ kind: "text", text });
  }

  choice(label: string | RegExp): Choice {
    const found = allChoices(this.outputs).find((c) => (typeof label === "string" ? c.label === label : label.test(c.label)));
    if (!found) throw new Error(`no choice ${String(label)} in ${JSON.stringify(allChoices(this.outputs).map((c) => c.label))}`);
    return found;
  }

  press(label: string | RegExp) {
    return this.send({ kind: "choice", data: this.choice(label).data });
  }

  get last(): string {
    return allText(this.outputs);
  }
}

/** Answers mo-ta … nghi-huu for a can_bo member with "Không" to co-viec; ends on the multi step. */
export function toMulti(chat: Chat) {
  chat.text("Mười ký tự trở lên");
  chat.press("Xong");
  chat.press("Loại B");
  chat.press("Không");
  chat.text("Hà Nội");
  chat.press("Xong");
  return chat;
}

export function toEnd(chat: Chat) {
  toMulti(chat);
  chat.press(/Mặt 1$/);
  chat.press("Xong");
  chat.press("Không có"); // X
  chat.press("Không có"); // Y
  chat.press("Hoàn thành tốt nhiệm vụ");
  chat.press("Bỏ qua"); // ghi-chu
  return chat;
}
