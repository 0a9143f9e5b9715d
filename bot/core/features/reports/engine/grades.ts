/** The four quality grades (✅ QĐ 124 Điều 12, carried into the 2025 rules, QĐ 366 Điều 11). Labels live in engine-texts. */
export const gradeLevels = ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"] as const;
export type GradeLevel = (typeof gradeLevels)[number];
