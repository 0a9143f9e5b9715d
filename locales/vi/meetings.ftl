## Ngày giờ

meeting-when = { $time }, { $weekday } { $date }
weekday-0 = Chủ nhật
weekday-1 = thứ Hai
weekday-2 = thứ Ba
weekday-3 = thứ Tư
weekday-4 = thứ Năm
weekday-5 = thứ Sáu
weekday-6 = thứ Bảy
weekday-short-0 = CN
weekday-short-1 = T2
weekday-short-2 = T3
weekday-short-3 = T4
weekday-short-4 = T5
weekday-short-5 = T6
weekday-short-6 = T7
remaining-minutes = còn { $minutes } phút nữa
remaining-hours = { $minutes ->
    [0] còn { $hours } giờ nữa
   *[other] còn { $hours } giờ { $minutes } phút nữa
}
remaining-days-hours = { $hours ->
    [0] còn { $days } ngày nữa
   *[other] còn { $days } ngày { $hours } giờ nữa
}

## Cuộc họp

meeting-kind-dinh_ky = Sinh hoạt chi bộ định kỳ
meeting-kind-dinh_ky_bo_sung = Sinh hoạt định kỳ bổ sung
meeting-kind-chuyen_de = Sinh hoạt chuyên đề
meeting-kind-dien_dan = Diễn đàn
meeting-kind-bat_thuong = Họp bất thường
meeting-title-regular = Sinh hoạt chi bộ định kỳ tháng { $month }
meeting-line-title = { $title } ({ $cell })
meeting-line-when = 🕖 Thời gian: { $when }
meeting-line-place = 📍 Địa điểm: { $place }
meeting-line-topic = 📌 Chủ đề: { $topic }
meeting-line-agenda = 📋 Nội dung: { $agenda }
meeting-line-preparation = ✍️ Đề nghị chuẩn bị: { $preparation }
meeting-documents = 📎 Tài liệu cần đọc trước buổi họp:
meeting-documents-count = 📎 { $count } tài liệu gửi kèm.
meeting-is-cancelled = Cuộc họp này đã bị hủy.
place-none = (chưa ghi)

## Trả lời tham dự

button-attend = Tham dự
button-absent = Xin vắng
ask-absence-reason = Đồng chí xin vắng vì lý do gì?
reason-om_dau = Ốm đau
reason-cong_tac = Công tác
reason-gia_dinh = Việc gia đình
reason-khac = Lý do khác
ask-absence-reason-text = Xin đồng chí ghi ngắn gọn lý do xin vắng.
answer-none = chưa trả lời
answer-attend = tham dự
answer-absent = xin vắng ({ $reason })
answer-absent-short = xin vắng
answer-recorded = Đã ghi nhận: { $answer } — { $title }, { $when }. Đồng chí có thể đổi câu trả lời trước giờ họp trong /lich.
your-answer = Câu trả lời của đồng chí: { $answer }.
proxy-pick-member = Ghi thay câu trả lời cho đồng chí nào? (dùng khi đảng viên báo trực tiếp hoặc không dùng điện thoại thông minh)
proxy-ask-answer = Câu trả lời của đồng chí { $name }:
proxy-recorded = Đã ghi thay cho đồng chí { $name }: { $answer } (ghi là do bí thư nhập).

## Nhắc lịch và thông báo

reminder-header = 🔔 Nhắc lịch sinh hoạt ({ $remaining }):
reminder-header-answered = 🔔 Nhắc giờ họp ({ $remaining }):
reminder-ask-answer = Xin đồng chí chọn «Tham dự» hoặc «Xin vắng».
reminder-answered-attend = Đồng chí đã báo tham dự. Hẹn gặp đồng chí.
reminder-late = (Lời nhắc này đến muộn hơn dự kiến do hệ thống tạm gián đoạn.)
announce-new = 📣 Thông báo cuộc họp mới:
announce-moved = 📣 Cuộc họp đã được dời sang thời gian mới:
announce-place = 📣 Cuộc họp đổi địa điểm:
announce-cancelled = 📣 { $cell }: cuộc họp «{ $title }» lúc { $when } đã bị hủy.
announce-answer-kept = Câu trả lời trước đây của đồng chí vẫn giữ nguyên; nếu cần, đồng chí chọn lại để đổi.
summary-title = 📊 Tình hình trả lời — { $title }, { $when }
summary-attend = • Tham dự ({ $count }): { $names }
summary-absent = • Xin vắng ({ $count }): { $names }
summary-none = • Chưa trả lời ({ $count }): { $names }
summary-unreachable = • Không liên lạc được qua bot ({ $count }): { $names }
summary-nobody = không có
summary-invited = Mời dự: { $count } đồng chí.
summary-names-more = { $names } và { $rest } đồng chí khác
answers-group-attend = Tham dự
answers-group-absent = Xin vắng
answers-group-none = Chưa trả lời
answers-group-unreachable = Không liên lạc được
button-answers-list = Xem danh sách: { $group } ({ $count })
answers-list-title = { $group } ({ $count }) — trang { $page }/{ $pages }:
list-page-status = Trang { $page }/{ $pages }
button-prev-page = ‹ Trang trước
button-next-page = Trang sau ›
button-proxy-answer = Ghi thay câu trả lời
notes-broadcast =
    📝 { $title } ({ $when }) — nội dung chính:
    { $notes }

## Bí thư: lập lịch

button-schedule = Lịch sinh hoạt
button-meetings-admin = Quản lý lịch họp
admin-title = Lịch họp của { $cell }
admin-rule = Sinh hoạt định kỳ: { $rule }; địa điểm: { $place }.
admin-no-rule = Chưa đặt lịch sinh hoạt định kỳ hằng tháng.
admin-upcoming = Các cuộc họp sắp tới (chọn để xem, sửa):
admin-no-upcoming = Chưa có cuộc họp nào sắp tới.
admin-answer-counts = Trả lời: { $attend } tham dự, { $absent } xin vắng, { $none } chưa trả lời.
button-new-meeting = Thêm cuộc họp (chuyên đề, diễn đàn…)
button-set-rule = Đặt lịch định kỳ hằng tháng
button-change-rule = Đổi lịch định kỳ hằng tháng
button-move-meeting = Đổi giờ
button-change-place = Đổi địa điểm
button-answer-status = Tình hình trả lời
button-cancel-meeting = Hủy cuộc họp
button-reminder-settings = Cài đặt nhắc lịch
button-attendance-history = Chuyên cần
button-attendance-for = Điểm danh { $date }
new-meeting-intro = Thêm cuộc họp mới. Đồng chí có thể gõ /huy bất cứ lúc nào để dừng.
ask-meeting-kind = Loại cuộc họp?
ask-meeting-title = Tên cuộc họp? (ví dụ: Diễn đàn: Vai trò của chi bộ trong giáo dục, quản lý đảng viên)
ask-meeting-topic = Chủ đề hoặc nội dung chính (không bắt buộc).
ask-meeting-date = Ngày họp? Chọn một ngày, hoặc gõ cả ngày giờ như «5/12 19h30», «19:30 05/12/2026», «thứ 6 tuần sau 14h».
ask-meeting-new-date = Thời gian mới? Chọn ngày, hoặc gõ như «5/12 19h30», «thứ 6 tuần sau 14h».
ask-meeting-time = Mấy giờ? Chọn, hoặc gõ như «19h30», «7 giờ tối».
ask-meeting-place = Địa điểm họp? (ví dụ: Nhà văn hóa khu phố 3)
ask-meeting-new-place = Địa điểm mới?
ask-meeting-agenda = Chương trình, nội dung họp (không bắt buộc).
ask-meeting-preparation = Đề nghị đảng viên chuẩn bị gì? (ví dụ: chuẩn bị ý kiến liên hệ bản thân; không bắt buộc)
ask-meeting-documents = { $count ->
        [0] Tài liệu để đảng viên đọc trước
       *[other] Tài liệu để đảng viên đọc trước (đã có { $count })
    }: { $platform ->
        [zalo] dán địa chỉ trang web của tài liệu (bắt đầu bằng http); trên Zalo, bot chưa nhận được tệp.
       *[other] gửi tệp cho bot hoặc dán đường link.
    } Xong thì chọn «Xong, không thêm tài liệu».
button-documents-done = Xong, không thêm tài liệu
meeting-document-added = Đã nhận tài liệu (tổng cộng { $count }).
meeting-confirm = Xin đồng chí kiểm tra lại; mục nào chưa đúng thì chọn «Sửa …» mục đó. Khi lưu, bot gửi thông báo ngay cho các đảng viên và tự nhắc trước giờ họp.
button-meeting-save = Lưu và thông báo
button-meeting-edit-kind = Sửa loại họp
button-meeting-edit-title = Sửa tên
button-meeting-edit-topic = Sửa chủ đề
button-meeting-edit-time = Sửa ngày giờ
button-meeting-edit-place = Sửa địa điểm
button-meeting-edit-agenda = Sửa nội dung
button-meeting-edit-preparation = Sửa phần chuẩn bị
button-meeting-edit-documents = Thêm tài liệu
meeting-saved = Đã lưu cuộc họp lúc { $when } và gửi thông báo cho { $count } đảng viên.
meeting-saved-held = Đã lưu cuộc họp lúc { $when }. Vì đang là giờ nghỉ của chi bộ ({ $start }–{ $end }), thông báo tới { $count } đảng viên sẽ được gửi lúc { $time }.
meeting-moved = Đã đổi giờ họp sang { $when }; các đảng viên được báo một lần, lời nhắc theo giờ mới.
meeting-moved-held = Đã đổi giờ họp sang { $when }; lời nhắc theo giờ mới. Vì đang là giờ nghỉ của chi bộ ({ $start }–{ $end }), các đảng viên sẽ được báo lúc { $time }.
meeting-place-changed = Đã đổi địa điểm thành «{ $place }»; các đảng viên được báo một lần.
meeting-place-changed-held = Đã đổi địa điểm thành «{ $place }». Vì đang là giờ nghỉ của chi bộ ({ $start }–{ $end }), các đảng viên sẽ được báo lúc { $time }.
cancel-meeting-confirm = Hủy cuộc họp «{ $title }» lúc { $when }? Mọi đảng viên sẽ được báo.
meeting-cancelled-done = Đã hủy cuộc họp và báo cho các đảng viên; các lời nhắc đã dừng.
meeting-cancelled-done-held = Đã hủy cuộc họp; các lời nhắc đã dừng. Vì đang là giờ nghỉ của chi bộ ({ $start }–{ $end }), các đảng viên sẽ được báo lúc { $time }.
ask-meeting-rule = Lịch sinh hoạt định kỳ hằng tháng? Ví dụ: «ngày 5 hằng tháng 19h30», «thứ Năm cuối tháng 14h», «thứ Hai đầu tiên 8h».
ask-rule-place = Địa điểm họp thường lệ? (không bắt buộc)
rule-day-of-month = ngày { $day } hằng tháng, lúc { $time }
rule-day-of-month-late = ngày { $day } hằng tháng (tháng nào không có ngày { $day } thì họp ngày cuối tháng), lúc { $time }
rule-weekday-of-month = { $weekday } { $nth } của tháng, lúc { $time }
rule-nth-1 = đầu tiên
rule-nth-2 = thứ hai
rule-nth-3 = thứ ba
rule-nth-4 = thứ tư
rule-nth-last = cuối cùng
rule-saved = Đã đặt lịch định kỳ: { $rule }. Hai buổi tới: { $next }. Bot tự lên lịch các tháng sau và nhắc trước mỗi buổi.
ask-meeting-notes = Đồng chí có muốn gửi tới các đảng viên ghi chú ngắn hoặc nội dung chính của nghị quyết không? Gõ nội dung, hoặc chọn «Bỏ qua».
ask-meeting-ended = Để ghi biên bản: cuộc họp kết thúc lúc mấy giờ? (ví dụ «21:15»), hoặc chọn «Bỏ qua».
ask-meeting-chair = Đồng chí nào chủ trì cuộc họp? Gõ họ và tên, hoặc chọn «Bỏ qua».
ask-meeting-recorder = Đồng chí nào làm thư ký (ghi biên bản)? Gõ họ và tên, hoặc chọn «Bỏ qua».
minutes-ready = Đã lưu. Dự thảo biên bản đã có đủ những gì bot biết; phần diễn biến, thảo luận, biểu quyết để trống cho thư ký ghi.
invalid-wall-time = Chưa đúng dạng giờ. Ví dụ: «21:15», «21h15», «21 giờ».
notes-sent = Đã gửi nội dung tới { $count } đảng viên.
notes-sent-held = Đã lưu nội dung. Vì đang là giờ nghỉ của chi bộ ({ $start }–{ $end }), nội dung sẽ được gửi tới { $count } đảng viên lúc { $time }.
notes-skipped = Không gửi ghi chú.

## Nhắc lịch: cài đặt

ask-reminder-offsets = Nhắc trước giờ họp bao lâu? Gõ như «3 ngày, 1 ngày, 2 giờ» (tối đa 6 mốc).
ask-quiet-hours = Giờ không gửi tin nhắc (ban đêm), dạng «21:30-06:30». Chọn «Bỏ qua» để giữ như cũ.
settings-view = Nhắc lịch: trước { $offsets }. Không gửi từ { $quietStart } đến { $quietEnd }; tin đến hạn trong giờ này sẽ gửi lúc { $quietEnd } nếu vẫn còn kịp.
offset-days = { $n } ngày
offset-hours = { $n } giờ
offset-minutes = { $n } phút

## Điểm danh và chuyên cần

attendance-prompt = Cuộc họp «{ $title }» ({ $when }) đã diễn ra. Xin đồng chí ghi điểm danh.
button-record-attendance = Ghi điểm danh
attendance-title = Điểm danh — { $title }
attendance-legend = { $platform ->
        [zalo] Gõ số của tên để đổi (nhiều tên một lúc: «2, 5»)
       *[other] Chọn tên để đổi
    }: ✅ có mặt → ❌ vắng không lý do → 🟡 vắng có lý do. Đã điền sẵn theo câu trả lời của đảng viên. Xong thì chọn «Lưu điểm danh».
button-attendance-save = Lưu điểm danh
attendance-use-buttons = { $platform ->
        [zalo] Xin đồng chí gõ số của tên trong danh sách để đổi (nhiều tên một lúc: «2, 5»), rồi chọn «Lưu điểm danh».
       *[other] Xin đồng chí chọn tên trong danh sách để đổi, rồi chọn «Lưu điểm danh».
    }
attendance-saved = Đã lưu điểm danh: { $present } có mặt, { $excused } vắng có lý do, { $absent } vắng không lý do.
attendance-not-yet = Cuộc họp chưa diễn ra; điểm danh sau giờ họp.
attendance-nothing = Chưa có cuộc họp nào đã diễn ra để điểm danh.
history-title = Chuyên cần năm { $year } — { $cell }:
history-line = • { $name }: vắng có lý do { $excused }, vắng không lý do { $absent }
history-line-two = • { $name }: vắng có lý do { $excused }, vắng không lý do { $absent } — ⚠️ { $months } tháng có vắng không lý do
history-line-three = • { $name }: vắng có lý do { $excused }, vắng không lý do { $absent } — ‼️ { $months } tháng có vắng không lý do
history-rule = Quy định 294-QĐ/TW, điểm 8.1: chi bộ xem xét, đề nghị xóa tên trong danh sách đảng viên đối với «Đảng viên bỏ sinh hoạt đảng hoặc không đóng đảng phí ba tháng trong năm mà không có lý do chính đáng».
absence-warning-two = (Riêng bí thư) { $cell }: đồng chí { $name } đã vắng sinh hoạt không có lý do chính đáng trong { $months } tháng của năm { $year }. Đề nghị bí thư gặp gỡ, nhắc nhở đồng chí ấy.
absence-warning-three = (Riêng bí thư) { $cell }: đồng chí { $name } đã vắng sinh hoạt không có lý do chính đáng trong { $months } tháng của năm { $year }. Theo Quy định 294-QĐ/TW, điểm 8.1, đây là trường hợp chi bộ xem xét, đề nghị xóa tên. Xin bí thư kiểm tra lại biên bản các buổi họp.

## Nhập sai

invalid-datetime-unclear = Tôi chưa hiểu thời gian này. Ví dụ: «5/12 19h30», «19:30 05/12/2026», «thứ 6 tuần sau 14h».
invalid-datetime-impossible = Ngày giờ này không có thật (ví dụ 31/02 hoặc 25h). Xin đồng chí kiểm tra lại; ví dụ: «5/12 19h30».
invalid-datetime-past = Thời gian này đã qua. Xin chọn một thời gian sắp tới; ví dụ: «5/12 19h30».
invalid-datetime-missing-time = Xin ghi cả ngày và giờ; ví dụ: «5/12 19h30».
invalid-datetime-too-far = Thời gian này quá xa (hơn 2 năm). Xin kiểm tra lại năm.
invalid-time-unclear = Tôi chưa hiểu giờ này. Ví dụ: «19h30», «7 giờ tối», «14:00».
invalid-document = { $platform ->
        [zalo] Ở bước này, xin dán địa chỉ trang web của tài liệu (bắt đầu bằng http), hoặc chọn «Xong, không thêm tài liệu».
       *[other] Ở bước này, xin gửi tệp tài liệu hoặc dán đường link (bắt đầu bằng http), hoặc chọn «Xong, không thêm tài liệu».
    }
invalid-rule = Tôi chưa hiểu lịch này. Ví dụ: «ngày 5 hằng tháng 19h30», «thứ Năm cuối tháng 14h», «thứ Hai đầu tiên 8h».
invalid-offsets = Chưa đúng dạng. Ví dụ: «3 ngày, 1 ngày, 2 giờ» hoặc «1 ngày, 30 phút» (mỗi mốc từ 10 phút đến 30 ngày).
invalid-quiet-hours = Chưa đúng dạng. Ví dụ: «21:30-06:30».

## Hướng dẫn

help-meetings = Lịch họp: /lich — các cuộc họp sắp tới và câu trả lời «Tham dự» / «Xin vắng»; /chuyencan — chuyên cần của đồng chí.
help-meetings-admin =
    Lịch họp (bí thư, phó bí thư):
    /hop — đặt lịch định kỳ hằng tháng, thêm cuộc họp chuyên đề, diễn đàn; đổi giờ, đổi địa điểm, hủy; ghi thay câu trả lời
    /diemdanh — ghi điểm danh cuộc họp vừa qua, rồi tải dự thảo biên bản (Word)
    /chuyencan — chuyên cần của đảng viên trong năm, và bảng Excel cả năm
    /nhaclich — nhắc trước bao lâu, giờ không gửi tin
    /lich — lịch họp sắp tới
schedule-title = Các cuộc họp sắp tới ({ $count }):
schedule-empty = Chưa có cuộc họp nào sắp tới.
command-lich = Lịch họp sắp tới
command-hop = Quản lý lịch họp (bí thư)
command-diemdanh = Ghi điểm danh (bí thư)
command-chuyencan = Chuyên cần
command-nhaclich = Cài đặt nhắc lịch (bí thư)

## Tài liệu: biên bản, bảng chuyên cần

button-minutes = 📄 Tải dự thảo biên bản (Word)
button-attendance-sheet = 📊 Tải bảng Excel chuyên cần cả năm
minutes-title = BIÊN BẢN
minutes-started = Thời gian bắt đầu
minutes-ended = Thời gian kết thúc
minutes-place = Địa điểm
minutes-chair = Chủ trì
minutes-recorder = Thư ký
minutes-attendance = Số đảng viên được điểm danh
minutes-present = Có mặt
minutes-excused = Vắng có lý do
minutes-absent = Vắng không lý do
minutes-agenda = Nội dung
minutes-documents = Tài liệu đã gửi trước
minutes-sent-at = gửi kèm thông báo lúc { $when }
minutes-resolution = Kết luận, nội dung chính
minutes-blank-report = Diễn biến cuộc họp
minutes-blank-discussion = Ý kiến thảo luận
minutes-blank-votes = Biểu quyết
minutes-blank-hint = (phần này do thư ký cuộc họp ghi)
minutes-sign-chair = Chủ trì
minutes-sign-recorder = Thư ký
attendance-sheet-title = Chuyên cần sinh hoạt năm { $year } — { $cell }
attendance-sheet-file = chuyen can
attendance-col-present = Có mặt
attendance-col-excused = Vắng có lý do
attendance-col-absent = Vắng không lý do
attendance-col-months = Số tháng vắng không lý do
attendance-mark-present = x
attendance-mark-excused = P
attendance-mark-absent = K
