/**
 * The check a "review2025" template must pass: for every form it serves, the questions follow the
 * order of the 2025 personal forms (HD 43: A. I–VI, then B. I self-score and II proposed grade),
 * under those parts and numbered sections. A committee that supplies its own form (Mẫu 2A, whose
 * official structure the project could not verify) gets its file refused with what is out of place,
 * rather than a review in the wrong order.
 */
import { evaluate, type Condition, type ReviewForm } from "./conditions.ts";
import type { Template } from "./template-schema.ts";

type JsonPath = (string | number)[];

export const reviewParts = { a: "A. NỘI DUNG KIỂM ĐIỂM", b: "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI" } as const;
const aSections = ["I.", "II.", "III.", "IV.", "V.", "VI."];
const bSections = ["I.", "II."];

/** Steps that may apply to a member of this form: answer conditions are taken as met (they depend on answers). */
function mayApply(when: Condition | undefined, form: ReviewForm): boolean {
  if (!when) return true;
  const profile = { category: "khac" as const, holdsPost: form === "2A", reviewForm: form };
  const may = (c: Condition): boolean => {
    if ("all" in c) return c.all.every(may);
    if ("any" in c) return c.any.some(may);
    if ("not" in c) return "profile" in c.not ? !evaluate(c.not, () => undefined, profile) : true;
    if ("answer" in c) return true;
    return evaluate(c, () => undefined, profile);
  };
  return may(when);
}

const numeral = (section: string | undefined) => /^([IVX]+\.)\s/.exec(section ?? "")?.[1] ?? null;

export function review2025Problems(t: Template): { path: JsonPath; message: string }[] {
  const out: { path: JsonPath; message: string }[] = [];
  if (!t.reviewForms) out.push({ path: ["reviewForms"], message: 'a "review2025" template must list the forms it serves in "reviewForms" (2A, 2B, 2C)' });
  if (t.numbering !== "form") out.push({ path: ["numbering"], message: 'a "review2025" template prints the form\'s own numbering: set "numbering": "form"' });
  for (const form of t.reviewForms ?? []) {
    const steps = t.steps.map((s, i) => ({ s, i })).filter(({ s }) => s.kind !== "info" && s.reportAs !== "field" && mayApply(s.when, form));
    let part: "a" | "b" | null = null;
    const seen: Record<"a" | "b", string[]> = { a: [], b: [] };
    for (const { s, i } of steps) {
      const p = s.part === reviewParts.a ? "a" : s.part === reviewParts.b ? "b" : null;
      if (!p) {
        out.push({ path: ["steps", i, "part"], message: `form ${form}: step "${s.id}" must be under part «${reviewParts.a}» or «${reviewParts.b}»` });
        continue;
      }
      if (part === "b" && p === "a") out.push({ path: ["steps", i, "part"], message: `form ${form}: step "${s.id}" of part A comes after part B` });
      part = p;
      const n = numeral(s.section);
      if (!n) {
        out.push({ path: ["steps", i, "section"], message: `form ${form}: step "${s.id}" needs a section numbered like the form («I. …»)` });
        continue;
      }
      const list = seen[p];
      if (list[list.length - 1] !== n) list.push(n);
    }
    const check = (p: "a" | "b", expected: string[], optional: string[]) => {
      const got = seen[p].join(" ");
      const required = expected.filter((x) => !optional.includes(x));
      const inOrder = seen[p].every((x, k) => k === 0 || expected.indexOf(x) > expected.indexOf(seen[p][k - 1]!));
      const missing = required.filter((x) => !seen[p].includes(x));
      if (!inOrder || missing.length > 0 || seen[p].some((x) => !expected.includes(x)))
        out.push({ path: ["steps"], message: `form ${form}: part ${p.toUpperCase()} has sections ${got || "(none)"}; the form has ${expected.join(" ")}${missing.length ? ` (missing: ${missing.join(" ")})` : ""}` });
    };
    // IV and V are «(nếu có)» in the form: a template may ask them only when there is something to answer.
    check("a", aSections, ["IV.", "V."]);
    check("b", bSections, []);
    const inB = (kind: string, numeralWanted: string) =>
      steps.some(({ s }) => s.part === reviewParts.b && numeral(s.section) === numeralWanted && (s.kind as string) === kind);
    if (!inB("score", "I.")) out.push({ path: ["steps"], message: `form ${form}: section B.I needs a "score" step (…/30, …/70)` });
    if (!inB("grade", "II.")) out.push({ path: ["steps"], message: `form ${form}: section B.II needs a "grade" step (the proposed grade)` });
  }
  return out;
}
