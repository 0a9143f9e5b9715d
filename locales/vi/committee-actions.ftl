# Việc cấp ủy làm cho các chi bộ trực thuộc: mở đợt báo cáo, gửi thông báo, gợi ý kiểm điểm.

ca-button-new-round = 📝 Mở đợt báo cáo
ca-button-rounds = 📊 Các đợt báo cáo
ca-button-notice = 📢 Gửi thông báo
ca-button-issues = 🗒 Gợi ý kiểm điểm
ca-no-cells = Cấp ủy chưa có chi bộ nào liên kết trên bot.
ca-cells-and-more = { $names } và { $more } chi bộ khác
ca-held = { $count } chi bộ đang trong giờ nghỉ; tin nhắn ở các chi bộ ấy sẽ được gửi khi giờ nghỉ của chi bộ kết thúc.
ca-help = /capuy — bí thư, phó bí thư cấp ủy mở đợt báo cáo cho các chi bộ và theo dõi số lượng nộp của từng chi bộ, gửi thông báo tới bí thư hoặc toàn thể đảng viên các chi bộ, ghi gợi ý kiểm điểm cho từng đảng viên.

## Đợt báo cáo do cấp ủy mở

ca-round-intro = Mở đợt báo cáo cho các chi bộ trực thuộc { $committee }. Mỗi chi bộ được chọn có một đợt của riêng mình: đảng viên nộp cho bí thư chi bộ như mọi đợt khác; cấp ủy theo dõi số lượng nộp của từng chi bộ, không xem nội dung báo cáo.
ca-round-ask-scope = Đợt này dành cho những chi bộ nào?
ca-round-button-all = Tất cả chi bộ trực thuộc ({ $count })
ca-round-button-some = Chọn một số chi bộ
ca-round-ask-cells = Chọn các chi bộ (đã chọn { $chosen }/{ $total }). Chọn một chi bộ để đánh dấu hoặc bỏ đánh dấu; xong thì chọn «Xong».
ca-round-button-cells-done = Xong ({ $count } chi bộ)
ca-round-cells-none = Đồng chí chưa chọn chi bộ nào.
ca-round-cells-all = tất cả { $count } chi bộ trực thuộc
ca-round-confirm =
    Mở đợt báo cáo cho các chi bộ:
    Mẫu: { $template }
    Tên đợt: { $title }
    Hạn nộp: { $deadline }
    Chi bộ: { $cells }
    Ở mỗi chi bộ, mọi đảng viên thuộc đối tượng của mẫu phải nộp, trừ các đồng chí được miễn sinh hoạt.
ca-round-button-open = Mở đợt và báo cho các chi bộ
ca-round-opened = Đã mở đợt «{ $title }» ở { $cells } chi bộ, cho { $members } đồng chí. Bí thư, phó bí thư và đảng viên từng chi bộ đang được báo qua bot.
ca-round-no-one = { $count } chi bộ không có đảng viên nào phải nộp theo mẫu này nên không mở đợt: { $cells }.
ca-round-left = { $count } chi bộ vừa thôi trực thuộc nên không mở đợt: { $cells }.
ca-button-progress = Xem tình hình từng chi bộ
ca-round-opened-for-cell =
    🏛 { $committee } mở đợt báo cáo «{ $title }» cho { $cell }, hạn nộp { $deadline }; { $count } đồng chí phải nộp.
    Đây là đợt của chi bộ: đồng chí theo dõi, nhắc, tiếp nhận hoặc trả lại như mọi đợt khác (/baocao). Cấp ủy chỉ xem số lượng đã nộp, không xem nội dung báo cáo.

ca-rounds-title = Các đợt báo cáo do { $committee } mở ({ $total }):
ca-rounds-line = { $n }. «{ $title }» — hạn { $deadline }; { $cells } chi bộ
ca-rounds-empty = { $committee } chưa mở đợt báo cáo nào cho các chi bộ.
ca-progress-title = «{ $title }» — hạn { $deadline }; { $cells } chi bộ
ca-progress-totals = Toàn cấp ủy: { $accepted } đã tiếp nhận, { $submitted } chờ tiếp nhận, { $returned } trả lại, { $missing } chưa nộp (tổng { $total }).
ca-progress-line = { $n }. { $cell }: { $accepted } tiếp nhận · { $submitted } chờ · { $returned } trả lại · { $missing } chưa nộp / { $total }
ca-progress-closed = (đã đóng)
ca-progress-empty = Chưa có chi bộ nào trong đợt này.

## Thông báo của cấp ủy

ca-notice-intro = Gửi thông báo của { $committee } tới các chi bộ trực thuộc. Thông báo đi qua bot và không gửi trong giờ nghỉ của từng chi bộ.
ca-notice-ask-text = Đồng chí nhập nội dung thông báo (tối đa { $max } ký tự).
ca-notice-ask-audience = Gửi tới những ai?
ca-notice-audience-secretaries = Bí thư, phó bí thư các chi bộ
ca-notice-audience-members = Tất cả đảng viên các chi bộ
ca-notice-button-audience = { $who } ({ $count })
ca-notice-confirm =
    Gửi tới: { $who } — { $count } đồng chí.

    { $text }
ca-notice-button-send = Gửi thông báo
ca-notice-sent = Thông báo đang được gửi tới { $count } đồng chí qua bot.
ca-notice-sent-none = Chưa có đồng chí nào trên bot để nhận thông báo này; thông báo đã được lưu nhưng không gửi cho ai.
ca-notice-message =
    📢 Thông báo của { $committee }:

    { $text }

## Gợi ý kiểm điểm

ca-issues-title = Gợi ý kiểm điểm năm { $year } của { $committee } ({ $total }):
ca-issues-line = { $n }. Đồng chí { $name }: { $text }
ca-issues-empty = { $committee } chưa có gợi ý kiểm điểm nào cho năm { $year }.
ca-issue-button-new = ➕ Gợi ý kiểm điểm cho một đảng viên
ca-issue-button-withdraw = Rút gợi ý { $n } ({ $name })
ca-issue-pick-cell = Đảng viên được gợi ý sinh hoạt ở chi bộ nào?
ca-issue-pick-member = Chọn đảng viên trong { $cell }:
ca-issue-no-members = { $cell } chưa có đảng viên nào trên bot.
ca-issue-intro = Gợi ý kiểm điểm năm { $year } cho đồng chí { $name } ({ $cell }). Nội dung sẽ hiện trong bản kiểm điểm cuối năm của đồng chí ấy, ở phần dành cho gợi ý của cấp trên, và đồng chí ấy được báo ngay.
ca-issue-ask-text = Đồng chí nêu vấn đề đề nghị đồng chí { $name } làm rõ trong bản kiểm điểm (tối đa { $max } ký tự).
ca-issue-confirm =
    Gợi ý kiểm điểm cho đồng chí { $name }:
    «{ $text }»
ca-issue-button-save = Ghi và báo cho đồng chí ấy
ca-issue-raised = Đã ghi gợi ý kiểm điểm năm { $year } cho đồng chí { $name } và báo cho đồng chí ấy.
ca-issue-for-member =
    🏛 { $committee } đề nghị đồng chí làm rõ trong bản kiểm điểm năm { $year }:
    «{ $text }»
    Nội dung này sẽ hiện trong bản kiểm điểm cuối năm của đồng chí, ở phần dành cho gợi ý của cấp trên.
ca-issue-withdraw-confirm =
    Rút gợi ý kiểm điểm cho đồng chí { $name }?
    «{ $text }»
    Đồng chí ấy sẽ được báo, và gợi ý không còn hiện trong bản kiểm điểm.
ca-issue-button-withdraw-confirm = Rút gợi ý
ca-issue-withdrawn = Đã rút gợi ý kiểm điểm cho đồng chí { $name } và báo cho đồng chí ấy.
ca-issue-already-withdrawn = Gợi ý này đã được rút trước đó; không có gì thay đổi.
ca-issue-withdrawn-for-member = { $committee } đã rút gợi ý kiểm điểm năm { $year }: «{ $text }». Nội dung này không còn trong bản kiểm điểm của đồng chí.
