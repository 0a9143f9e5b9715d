## Zalo: the options under a message (Zalo has no buttons) and the adapter's own notices.

zalo-answer-by-name = Hoặc gõ: { $labels }.
zalo-answer-one = Trả lời { $n }.
zalo-answer-few = Trả lời { $list } hoặc { $last }.
zalo-answer-range = Trả lời một số từ { $first } đến { $last }.
zalo-ambiguous-option = Có nhiều lựa chọn «{ $label }». Xin đồng chí gõ số của lựa chọn muốn chọn: { $numbers }.
zalo-attachments-unavailable = Kèm theo { $count } tệp. Zalo chưa cho bot gửi tệp; xin đồng chí xem tệp trên Telegram hoặc hỏi bí thư chi bộ.

## Linking a second messenger account to the same person; where notifications go.

link-one-messenger = Bot hiện chỉ chạy trên { $platform }, nên chưa có tài khoản nào khác để liên kết.
link-help = Dùng cả Telegram và Zalo: /lienket để liên kết hai tài khoản vào cùng một hồ sơ, /kenhnhan để chọn nơi nhận thông báo.
link-intro =
    Liên kết tài khoản Telegram và Zalo của đồng chí vào cùng một hồ sơ, để dùng bot ở cả hai nơi.
    Trên ứng dụng đồng chí đang dùng với chi bộ, chọn «Lấy mã liên kết»; rồi trên ứng dụng kia, chọn «Nhập mã liên kết» và gõ mã đó.
button-link-get-code = Lấy mã liên kết
button-link-enter-code = Nhập mã liên kết
link-code =
    Mã liên kết của đồng chí: { $code }
    Mã chỉ dùng được một lần, trong { $minutes } phút. Xin đồng chí mở bot trên { $other } và gõ:
    lienket { $code }
    Đừng đưa mã này cho người khác: ai có mã sẽ dùng được hồ sơ của đồng chí.
link-ask-code = Xin đồng chí gõ mã liên kết (16 ký tự) lấy từ ứng dụng kia.
link-expected-code = Tôi chỉ đọc được mã liên kết gõ bằng chữ.
link-malformed = Mã liên kết gồm 16 chữ và số, ví dụ ABCD-EFGH-JKMN-PQRS. Xin đồng chí kiểm tra lại.
link-unknown = Không có mã liên kết này. Xin đồng chí kiểm tra lại, hoặc lấy mã mới bằng /lienket trên ứng dụng kia.
link-used = Mã liên kết này đã được dùng. Mỗi mã chỉ dùng một lần; xin đồng chí lấy mã mới bằng /lienket trên ứng dụng kia.
link-expired = Mã liên kết này đã hết hạn (mã chỉ dùng được trong { $minutes } phút). Xin đồng chí lấy mã mới bằng /lienket trên ứng dụng kia.
link-same-person = Mã này được tạo từ chính tài khoản này. Xin đồng chí mở bot trên ứng dụng kia và gõ mã ở đó.
link-both-have-cells = Không liên kết được: cả hai tài khoản đều đã có hồ sơ trong chi bộ, và tôi không tự gộp hai hồ sơ. Xin đồng chí báo bí thư chi bộ để được giúp.
link-done = Đã liên kết. Từ nay đồng chí dùng bot trên { $platform } với cùng hồ sơ và chi bộ như ở ứng dụng kia.
link-done-elsewhere = Tài khoản { $platform } vừa được liên kết với hồ sơ của đồng chí. Nếu không phải đồng chí làm việc này, xin báo ngay cho bí thư chi bộ.
link-pref-ask = Thông báo (nhắc lịch, kết quả duyệt, báo cáo…) đang gửi về { $platform }. Đồng chí muốn nhận ở đâu?
link-pref-single = Thông báo đang gửi về { $platform }. Muốn nhận trên { $other }, xin đồng chí liên kết tài khoản { $other } trước bằng /lienket.
link-pref-set = Từ nay thông báo sẽ gửi về { $platform }.
link-pref-unavailable = Đồng chí chưa có tài khoản { $platform } liên kết với hồ sơ này. Gõ /lienket để liên kết.

command-lienket = Liên kết tài khoản Telegram và Zalo
command-kenhnhan = Chọn nơi nhận thông báo
link-wrong-direction = Mã liên kết phải được lấy trên tài khoản đồng chí đang dùng trong chi bộ, rồi gõ trên tài khoản mới. Tài khoản này đã có hồ sơ trong chi bộ: xin đồng chí gõ /lienket ở đây để lấy mã, rồi gõ mã đó trên ứng dụng kia.
