# Tổng hợp tháng của cấp ủy: chi bộ nào đã sinh hoạt, dự họp, vắng không lý do, tiến độ báo cáo, chi bộ cần nhắc.

rollup-button-home = 📊 Tổng hợp tháng
rollup-button-previous = ‹ Tháng trước
rollup-button-next = Tháng sau ›
rollup-button-list = Danh sách chi bộ
rollup-button-mine = Chi bộ tôi phụ trách
rollup-button-all = Tất cả chi bộ
rollup-button-sheet = 📊 Tải bảng Excel
rollup-button-summary = ‹ Tổng hợp tháng
rollup-button-to-list = ‹ Danh sách chi bộ
rollup-button-digest = 🗓 Gửi tổng hợp hằng tháng: { $day ->
    [0] chưa bật
   *[other] ngày { $day }
}

rollup-title = 📊 Tổng hợp tháng { $month } — { $committee }
rollup-scope-mine = (Các chi bộ đồng chí phụ trách)
rollup-empty = Cấp ủy chưa có chi bộ nào liên kết trên bot.
rollup-empty-mine = Đồng chí chưa được phân công phụ trách chi bộ nào.
rollup-meetings = Sinh hoạt định kỳ: { $held }/{ $cells } chi bộ đã họp{ $upcoming ->
    [0] {""}
   *[other] , { $upcoming } chi bộ sắp họp
}
rollup-attendance = Dự họp: có mặt { $present }, vắng có lý do { $excused }, vắng không lý do { $absent } — { $percent }% có mặt
rollup-attendance-none = Dự họp: chưa có buổi họp nào được điểm danh.
rollup-quality = Họp dưới 90 phút: { $short } chi bộ · Tài liệu gửi chưa đủ 1 ngày trước: { $late } chi bộ
rollup-absences = Vắng không lý do trong năm: { $removal } đảng viên từ 3 tháng (QĐ 294, điểm 8.1), { $warning } đảng viên 2 tháng
rollup-rounds-title = Báo cáo:
rollup-rounds-none = Báo cáo: không có đợt nào mở hoặc đến hạn trong tháng.
rollup-round-committee = • { $title } (hạn { $deadline }): đã nộp { $done }/{ $total }, trả lại { $returned }, chưa nộp { $missing }; { $complete }/{ $cells } chi bộ đã đủ
rollup-round-own = • Đợt do chi bộ mở ({ $rounds } đợt ở { $cells } chi bộ): đã nộp { $done }/{ $total }, trả lại { $returned }, chưa nộp { $missing }
rollup-rounds-more = … và { $count } đợt khác
rollup-nudges-title = Chi bộ cần nhắc trước:
rollup-nudge-line = { $n }. { $cell }: { $issues }
rollup-nudges-more = … và { $count } chi bộ khác (xem «Danh sách chi bộ»)
rollup-nudges-none = ✅ Không có chi bộ nào cần nhắc.

rollup-issue-not-held = chưa họp
rollup-issue-threshold = { $count } đảng viên vắng không lý do 3 tháng
rollup-issue-short = họp { $minutes } phút (dưới 90)
rollup-issue-reports-overdue = { $count } báo cáo quá hạn
rollup-issue-documents-late = tài liệu gửi muộn

rollup-mark-held = ✅ { $day }
rollup-mark-upcoming = ⏳ { $day }
rollup-mark-not-held = ❌ chưa họp
rollup-mark-percent = 👥 { $percent }%
rollup-mark-short = ⏱ { $minutes }′
rollup-mark-documents = 📄 muộn
rollup-mark-removal = ‼️ { $count }
rollup-mark-warning = ⚠️ { $count }
rollup-mark-overdue = 📝 { $count }

rollup-list-title = Chi bộ — tháng { $month } ({ $from }–{ $to } trên { $total }):
rollup-list-line = { $n }. { $cell }: { $marks }
rollup-list-legend = ✅ đã họp · ⏳ sắp họp · 👥 tỷ lệ có mặt · ⏱ họp dưới 90 phút · 📄 tài liệu muộn · ‼️ vắng không lý do 3 tháng · ⚠️ 2 tháng · 📝 báo cáo quá hạn

rollup-card-title = 📋 { $cell } — tháng { $month }
rollup-card-people = Phụ trách: { $name } · Đảng viên trên bot: { $count }
rollup-card-meeting-held = { $kind }: đã họp lúc { $when }
rollup-card-meeting-upcoming = Sinh hoạt định kỳ: ⏳ sắp họp lúc { $when }
rollup-card-meeting-unrecorded = Sinh hoạt định kỳ: ❌ có lịch lúc { $when } nhưng chưa điểm danh, nên chưa tính là đã họp
rollup-card-meeting-none = Sinh hoạt định kỳ: ❌ không có buổi họp nào trong tháng
rollup-card-length = Thời lượng: { $minutes } phút
rollup-card-length-short = Thời lượng: { $minutes } phút ⚠️ dưới 90 phút (HD 42)
rollup-card-length-unknown = Thời lượng: chưa ghi giờ kết thúc
rollup-card-documents-none = Tài liệu: không gửi qua bot
rollup-card-documents-on-time = Tài liệu: gửi lúc { $when }, trước ít nhất 1 ngày ✓
rollup-card-documents-late = Tài liệu: ⚠️ gửi lúc { $when }, chưa đủ 1 ngày trước buổi họp (HD 42)
rollup-card-documents-never = Tài liệu: ⚠️ chưa gửi tới đảng viên trước buổi họp (HD 42)
rollup-card-attendance = Dự họp: có mặt { $present }, vắng có lý do { $excused }, vắng không lý do { $absent } — { $percent }% có mặt
rollup-card-attendance-none = Dự họp: chưa điểm danh.
rollup-card-absences-title = Vắng không lý do trong năm { $year }:
rollup-card-absence-removal = ‼️ { $name } — { $months } tháng (QĐ 294, điểm 8.1: chi bộ xem xét)
rollup-card-absence-warning = ⚠️ { $name } — { $months } tháng
rollup-card-absences-more = … và { $count } đồng chí khác
rollup-card-rounds-none = Báo cáo: không có đợt nào trong tháng.
rollup-card-round = • { $title } (hạn { $deadline }): đã nộp { $done }/{ $total } (đã tiếp nhận { $accepted }), trả lại { $returned }, chưa nộp { $missing }{ $open ->
    [yes] ; đợt đang mở
   *[no] ; đợt đã đóng
}
rollup-card-issues = Cần nhắc: { $issues }
rollup-card-ok = ✅ Không có gì cần nhắc.

rollup-digest-title = 🗓 Gửi tổng hợp hằng tháng — { $committee }
rollup-digest-current = { $day ->
    [0] Hiện chưa bật.
   *[other] Hiện gửi vào ngày { $day } hằng tháng.
}
rollup-digest-explain = Vào ngày được chọn, buổi sáng, mỗi cán bộ cấp ủy trên bot nhận bản tổng hợp của tháng trước. Đồng chí chọn ngày (từ 1 đến 28):
rollup-digest-week = Ngày { $from }–{ $to }
rollup-digest-day = Ngày { $day }
rollup-digest-off = Tắt gửi tự động
rollup-digest-pick-day = Đồng chí chọn ngày gửi:
rollup-digest-set = Đã đặt: bản tổng hợp tháng trước gửi tới cán bộ cấp ủy vào ngày { $day } hằng tháng.
rollup-digest-unset = Đã tắt gửi tổng hợp hằng tháng.
rollup-digest-header = 📬 Bản tổng hợp tháng { $month } gửi cán bộ { $committee }.
rollup-digest-open = Xem chi tiết

rollup-sheet-title = Tổng hợp tháng { $month } — { $committee }
rollup-sheet-file = Tong hop thang
rollup-sheet-cells = Chi bộ
rollup-sheet-rounds = Báo cáo
rollup-col-cell = Chi bộ
rollup-col-in-charge = Phụ trách
rollup-col-members = Đảng viên trên bot
rollup-col-state = Sinh hoạt định kỳ
rollup-col-meeting = Ngày họp
rollup-col-minutes = Thời lượng (phút)
rollup-col-documents = Tài liệu
rollup-col-present = Có mặt
rollup-col-excused = Vắng có lý do
rollup-col-absent = Vắng không lý do
rollup-col-percent = Tỷ lệ có mặt (%)
rollup-col-removal = Vắng không lý do từ 3 tháng
rollup-col-warning = Vắng không lý do 2 tháng
rollup-col-overdue = Báo cáo quá hạn
rollup-col-issues = Cần nhắc
rollup-col-round = Đợt báo cáo
rollup-col-deadline = Hạn nộp
rollup-col-round-status = Tình trạng đợt
rollup-col-submitted = Chờ tiếp nhận
rollup-col-accepted = Đã tiếp nhận
rollup-col-returned = Trả lại
rollup-col-missing = Chưa nộp
rollup-state-held = Đã họp
rollup-state-upcoming = Sắp họp
rollup-state-unrecorded = Chưa điểm danh
rollup-state-none = Chưa họp
rollup-documents-none = Không gửi qua bot
rollup-documents-on-time = Trước ít nhất 1 ngày
rollup-documents-late = Muộn
rollup-round-open = Đang mở
rollup-round-closed = Đã đóng
