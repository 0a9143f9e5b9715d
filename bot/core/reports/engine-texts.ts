/**
 * Every user-visible text of the questionnaire engine, per locale. Placeholders are `{name}` so the
 * strings move to Fluent files as they are. Template texts (questions) are not here: they are data.
 */
import type { GradeLevel, RatingLevel } from "./template-schema.ts";

export const engineLocales = ["vi", "en"] as const;
export type EngineLocale = (typeof engineLocales)[number];

type Messages = {
  [K in
    | "back" | "skip" | "pause" | "done" | "keep" | "yes" | "no" | "prevPage" | "nextPage" | "noNote"
    | "submit" | "confirmSubmit" | "cancelSubmit" | "editQuestion"
    | "questionNumber" | "itemNumber" | "pageStatus" | "hint" | "quoteIntro"
    | "textHowTo" | "textLimits" | "savedText" | "pendingText" | "textReceived" | "savedChoice" | "savedRating"
    | "multiHowTo" | "multiLimits" | "ratingHowTo" | "ratingNotePrompt" | "ratingNotePending"
    | "errEmpty" | "errTooShort" | "errTooLong" | "errNoteTooLong" | "errNotOption" | "errYesNo" | "errUseButtons"
    | "errTooFew" | "errTooMany" | "errNotOptional" | "errUnsupported" | "errStale" | "errAtFirst" | "errWrongDraft"
    | "intro" | "paused" | "welcomeBack" | "templateUpdated" | "stepMoved" | "textNotSaved"
    | "templateMissing" | "stateInvalid" | "reviewTitle" | "reviewHowTo" | "reviewEmpty" | "answerSkipped"
    | "truncated" | "confirmQuestion" | "submitted" | "alreadySubmitted"
    | "fullName" | "cell" | "date" | "reportNoAnswer" | "ratingNote"]: string;
};

export interface EngineTexts extends Messages {
  grades: Record<GradeLevel, string>;
  levels: Record<RatingLevel, string>;
}

const vi: EngineTexts = {
  back: "« Quay lại",
  skip: "Bỏ qua",
  pause: "Lưu, làm tiếp sau",
  done: "Xong",
  keep: "Giữ nguyên",
  yes: "Có",
  no: "Không",
  prevPage: "‹ Trang trước",
  nextPage: "Trang sau ›",
  noNote: "Không ghi chú",
  submit: "Nộp",
  confirmSubmit: "Xác nhận nộp",
  cancelSubmit: "Xem lại",
  editQuestion: "Sửa câu {n}",
  questionNumber: "Câu {n}/{total}",
  itemNumber: "Mục {n}/{total}",
  pageStatus: "Trang {page}/{pages} · đã chọn {count}",
  hint: "Gợi ý: {hint}",
  quoteIntro: "Trích nguyên văn {source}:",
  textHowTo: "Đồng chí có thể trả lời trong một hoặc nhiều tin nhắn; viết xong thì bấm «Xong» hoặc gõ «xong».",
  textLimits: "(Ít nhất {min}, nhiều nhất {max} ký tự.)",
  savedText: "Câu trả lời đã lưu: «{text}»\nĐồng chí có thể viết câu trả lời mới, hoặc bấm «Giữ nguyên».",
  pendingText: "Đồng chí đã viết {count} ký tự cho câu này nhưng chưa bấm «Xong»; phần đó vẫn được giữ.",
  textReceived: "Đã ghi nhận ({count} ký tự). Đồng chí viết tiếp, hoặc bấm «Xong» (gõ «xong») nếu đã đủ.",
  savedChoice: "Lựa chọn đã lưu: {label}. Đồng chí chọn lại, hoặc bấm «Giữ nguyên».",
  savedRating: "Đã đánh giá: {level}.",
  multiHowTo: "Bấm vào từng mục để chọn hoặc bỏ chọn, rồi bấm «Xong».",
  multiLimits: "(Chọn ít nhất {min}, nhiều nhất {max} mục.)",
  ratingHowTo: "Đồng chí tự đánh giá: không có, có biểu hiện, hay có nguy cơ?",
  ratingNotePrompt: "Đồng chí ghi chú thêm cho mục «{item}» (không bắt buộc): gõ ghi chú rồi bấm «Xong», hoặc bấm «Không ghi chú».",
  ratingNotePending: "Ghi chú đã viết: {count} ký tự. Đồng chí viết tiếp, hoặc bấm «Xong».",
  errEmpty: "Đồng chí chưa viết nội dung nào cho câu này.",
  errTooShort: "Câu trả lời mới có {count} ký tự, cần ít nhất {min}. Đồng chí viết thêm rồi bấm «Xong»; phần đã viết vẫn được giữ.",
  errTooLong:
    "Phần vừa gửi làm câu trả lời dài {count} ký tự, quá mức tối đa {max}, nên chưa được ghi vào. Phần đã ghi trước đó vẫn được giữ. Đồng chí vui lòng rút gọn rồi gửi lại; nội dung vừa gửi ở dưới để đồng chí tiện sửa:",
  errNoteTooLong:
    "Ghi chú dài {count} ký tự, quá mức tối đa {max}, nên phần vừa gửi chưa được ghi vào. Đồng chí vui lòng rút gọn rồi gửi lại; nội dung vừa gửi ở dưới:",
  errNotOption: "«{text}» không khớp với phương án nào. Xin đồng chí chọn bằng các nút bên dưới.",
  errYesNo: "Xin đồng chí trả lời «Có» hoặc «Không».",
  errUseButtons: "Ở câu này, đồng chí chọn bằng các nút bên dưới.",
  errTooFew: "Đồng chí cần chọn ít nhất {min} mục (hiện đã chọn {count}).",
  errTooMany: "Chỉ được chọn nhiều nhất {max} mục. Đồng chí bỏ chọn một mục khác trước.",
  errNotOptional: "Câu này không bỏ qua được.",
  errUnsupported: "Bot chỉ đọc được tin nhắn chữ và các nút bấm. Xin đồng chí trả lời bằng chữ.",
  errStale: "Nút đồng chí vừa bấm thuộc một câu hỏi trước nên không còn dùng được; chưa có gì thay đổi.",
  errAtFirst: "Đây là câu hỏi đầu tiên.",
  errWrongDraft: "Bản nháp này thuộc một mẫu báo cáo khác; chưa có gì thay đổi.",
  intro: "{title}\n\n{description}\n\nBản nháp được lưu sau mỗi câu trả lời. Đồng chí có thể bấm «Lưu, làm tiếp sau» bất cứ lúc nào.",
  paused: "Đã lưu bản nháp. Khi thuận tiện, đồng chí mở lại để làm tiếp từ câu đang dở.",
  welcomeBack: "Tiếp tục bản «{title}».",
  templateUpdated: "Mẫu «{title}» vừa được cập nhật (phiên bản {version}). Các câu trả lời đã có vẫn được giữ; đồng chí làm tiếp từ câu chưa trả lời.",
  stepMoved: "Câu hỏi đồng chí đang trả lời không còn áp dụng; chuyển sang câu tiếp theo.",
  textNotSaved: "Nội dung đồng chí vừa gửi chưa được ghi vì câu hỏi đã thay đổi; nếu cần, xin gửi lại:",
  templateMissing: "Không tìm thấy mẫu báo cáo của bản nháp này. Xin đồng chí báo với bí thư chi bộ.",
  stateInvalid: "Không đọc được bản nháp đã lưu. Xin đồng chí báo với bí thư chi bộ.",
  reviewTitle: "Xem lại bản «{title}» trước khi nộp:",
  reviewHowTo: "Đồng chí bấm «Sửa câu N» để sửa một câu, hoặc «Nộp» để gửi bí thư chi bộ.",
  reviewEmpty: "Không có câu hỏi nào áp dụng cho đồng chí trong mẫu này.",
  answerSkipped: "(bỏ qua)",
  truncated: "… (còn {count} ký tự)",
  confirmQuestion: "Đồng chí xác nhận nộp bản «{title}» cho bí thư chi bộ? Sau khi nộp, đồng chí không sửa được trong bot nữa.",
  submitted: "Đã nộp bản «{title}». Cảm ơn đồng chí!",
  alreadySubmitted: "Bản «{title}» đã được nộp; thao tác này không còn tác dụng.",
  fullName: "Họ và tên",
  cell: "Chi bộ",
  date: "Ngày",
  reportNoAnswer: "(Không trả lời)",
  ratingNote: "Ghi chú",
  // ✅ the four levels, QĐ 124-QĐ/TW Điều 12 (see the domain note §4).
  grades: {
    xuat_sac: "Hoàn thành xuất sắc nhiệm vụ",
    tot: "Hoàn thành tốt nhiệm vụ",
    hoan_thanh: "Hoàn thành nhiệm vụ",
    khong_hoan_thanh: "Không hoàn thành nhiệm vụ",
  },
  levels: { none: "Không có", present: "Có biểu hiện", risk: "Có nguy cơ" },
};

const en: EngineTexts = {
  back: "« Back",
  skip: "Skip",
  pause: "Save, continue later",
  done: "Done",
  keep: "Keep as is",
  yes: "Yes",
  no: "No",
  prevPage: "‹ Previous page",
  nextPage: "Next page ›",
  noNote: "No note",
  submit: "Submit",
  confirmSubmit: "Confirm and submit",
  cancelSubmit: "Review again",
  editQuestion: "Edit question {n}",
  questionNumber: "Question {n}/{total}",
  itemNumber: "Item {n}/{total}",
  pageStatus: "Page {page}/{pages} · {count} selected",
  hint: "Hint: {hint}",
  quoteIntro: "Verbatim from {source}:",
  textHowTo: "You may answer in one or several messages; when finished press «Done» or type «done».",
  textLimits: "(At least {min}, at most {max} characters.)",
  savedText: "Saved answer: «{text}»\nWrite a new answer, or press «Keep as is».",
  pendingText: "You have written {count} characters for this question but not pressed «Done»; they are kept.",
  textReceived: "Noted ({count} characters). Keep writing, or press «Done» (type «done») when finished.",
  savedChoice: "Saved choice: {label}. Choose again, or press «Keep as is».",
  savedRating: "Rated: {level}.",
  multiHowTo: "Tap an item to select or unselect it, then press «Done».",
  multiLimits: "(Select at least {min}, at most {max}.)",
  ratingHowTo: "Your self-assessment: none, present, or at risk?",
  ratingNotePrompt: "Add a note for «{item}» (optional): type it and press «Done», or press «No note».",
  ratingNotePending: "Note so far: {count} characters. Keep writing, or press «Done».",
  errEmpty: "You have not written anything for this question yet.",
  errTooShort: "Your answer has {count} characters; at least {min} are needed. Add more and press «Done»; what you wrote is kept.",
  errTooLong:
    "With the part you just sent the answer would be {count} characters, over the maximum of {max}, so that part was not added. What you wrote before is kept. Please shorten it and send it again; here is what you sent:",
  errNoteTooLong: "The note would be {count} characters, over the maximum of {max}, so that part was not added. Please shorten it and send it again:",
  errNotOption: "«{text}» matches no option. Please choose with the buttons below.",
  errYesNo: "Please answer «Yes» or «No».",
  errUseButtons: "For this question, please use the buttons below.",
  errTooFew: "Please select at least {min} (selected: {count}).",
  errTooMany: "At most {max} may be selected. Unselect another item first.",
  errNotOptional: "This question cannot be skipped.",
  errUnsupported: "The bot can only read text messages and buttons. Please answer in text.",
  errStale: "That button belongs to an earlier question and no longer works; nothing was changed.",
  errAtFirst: "This is the first question.",
  errWrongDraft: "This draft belongs to another report template; nothing was changed.",
  intro: "{title}\n\n{description}\n\nYour draft is saved after every answer. Press «Save, continue later» at any time.",
  paused: "Draft saved. Open it again whenever convenient to continue where you left off.",
  welcomeBack: "Continuing «{title}».",
  templateUpdated: "The template «{title}» was updated (version {version}). Your answers are kept; continue from the first unanswered question.",
  stepMoved: "The question you were answering no longer applies; moving on to the next one.",
  textNotSaved: "What you just sent was not recorded because the question changed; please send it again if needed:",
  templateMissing: "The template of this draft was not found. Please tell the cell secretary.",
  stateInvalid: "The saved draft could not be read. Please tell the cell secretary.",
  reviewTitle: "Review «{title}» before submitting:",
  reviewHowTo: "Press «Edit question N» to change an answer, or «Submit» to send it to the cell secretary.",
  reviewEmpty: "No question of this template applies to you.",
  answerSkipped: "(skipped)",
  truncated: "… ({count} more characters)",
  confirmQuestion: "Submit «{title}» to the cell secretary? After submitting you cannot edit it in the bot.",
  submitted: "«{title}» has been submitted. Thank you!",
  alreadySubmitted: "«{title}» has already been submitted; this no longer has any effect.",
  fullName: "Full name",
  cell: "Party cell",
  date: "Date",
  reportNoAnswer: "(No answer)",
  ratingNote: "Note",
  grades: {
    xuat_sac: "Excellently completed duties",
    tot: "Well completed duties",
    hoan_thanh: "Completed duties",
    khong_hoan_thanh: "Did not complete duties",
  },
  levels: { none: "None", present: "Present", risk: "At risk" },
};

export const engineTexts: Record<EngineLocale, EngineTexts> = { vi, en };

export function textsFor(locale: EngineLocale | undefined): EngineTexts {
  return engineTexts[locale ?? "vi"] ?? vi;
}

/** Fills `{name}` placeholders; an unknown placeholder is left visible rather than silently emptied. */
export function fmt(message: string, vars: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
