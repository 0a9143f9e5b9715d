/**
 * "Thứ Năm cuối tháng" → "thu nam cuoi thang": lower case, no diacritics, đ → d, punctuation as
 * spaces. Used wherever typed text is matched, since many users type without diacritics.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
